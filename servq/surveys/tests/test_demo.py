"""`load_demo` is safe to run twice: Shilin's questionnaire responses and tallies stay put."""

from io import StringIO

import pytest
from django.core.management import call_command

from servq.core.periods import Period
from servq.surveys.models import Answer, AnswerTally, RespondentTally, Response, TextAnswer
from servq.surveys.tally import tally_compare


def snapshot() -> dict:
    per_quarter = {
        code: Response.objects.filter(agency__code="sly", submitted_on__range=(
            Period.parse(code).start, Period.parse(code).end)).count()
        for code in ("2015Q1", "2015Q2")}
    return {
        "responses": per_quarter,
        "all responses": Response.objects.count(),
        "answers": Answer.objects.count(),
        "texts": TextAnswer.objects.count(),
        "answer tallies": sorted(AnswerTally.objects.values_list(
            "agency__code", "questionnaire_id", "month", "question__code", "option", "n")),
        "respondent tallies": sorted(RespondentTally.objects.values_list(
            "agency__code", "questionnaire_id", "month", "channel", "n")),
    }


@pytest.mark.django_db
def test_it_loads_the_demo_responses_twice_without_duplicates():
    call_command("load_demo", stdout=StringIO())
    first = snapshot()
    assert first["responses"] == {"2015Q1": 33, "2015Q2": 26}
    assert first["answer tallies"] and first["respondent tallies"]
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "59 responses (0 new this run)" in out.getvalue()
    assert snapshot() == first
    assert tally_compare() == []

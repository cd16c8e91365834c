"""The monthly tallies equal a full recount after any mix of writes; the command proves it."""

import itertools
import uuid
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servq.core.models import AuditEvent
from servq.core.tabular import csv_bytes, open_table
from servq.surveys.importing import survey_responses_import
from servq.surveys.models import AnswerTally, RespondentTally, Response
from servq.surveys.services import survey_response_delete, survey_response_submit
from servq.surveys.tally import tally_compare

CODES = ["env_overall", "env_a", "staff_a", "aware_1", "admin_4"]
OPTIONS = {"aware_1": ["yes", "no"]}
DAYS = [date(2015, 1, 5), date(2015, 1, 30), date(2015, 2, 2), date(2015, 5, 12),
        date(2015, 7, 1)]

answers_strategy = st.dictionaries(
    st.sampled_from(CODES), st.sampled_from(["5", "4", "3", "2", "1"]), min_size=1,
).map(lambda found: {code: (OPTIONS[code][int(v) % 2] if code in OPTIONS else v)
                     for code, v in found.items()})
operation = st.one_of(
    st.tuples(st.just("submit"), st.sampled_from(["sly", "tpy"]), st.sampled_from(DAYS),
              st.sampled_from(["web", "kiosk", "paper"]), answers_strategy),
    st.tuples(st.just("resend"), st.integers(min_value=0, max_value=50)),
    st.tuples(st.just("import"), st.sampled_from(["sly", "tpy"]),
              st.lists(st.tuples(st.sampled_from(DAYS), answers_strategy), min_size=1,
                       max_size=4)),
    st.tuples(st.just("delete"), st.integers(min_value=0, max_value=50)),
)
serials = itertools.count(1)


def apply(op, *, structure, agencies, tmp_path, tokens, actor):
    kind = op[0]
    if kind == "submit":
        _, code, day, channel, answers = op
        token = uuid.uuid4()
        tokens.append((token, code, day, channel, answers))
        survey_response_submit(structure=structure, agency=agencies[code], submitted_on=day,
                               channel=channel, answers=answers, token=token,
                               serial=f"P{next(serials)}" if channel == "paper" else None)
    elif kind == "resend" and tokens:
        token, code, day, channel, answers = tokens[op[1] % len(tokens)]
        survey_response_submit(structure=structure, agency=agencies[code], submitted_on=day,
                               channel=channel, answers=answers, token=token)
    elif kind == "import":
        _, code, rows = op
        header = ["submitted_on", "channel", "serial"] + [q.code for q in structure.choice_questions]
        lines = [[day.isoformat(), "paper", f"I{next(serials)}"]
                 + [answers.get(name, "") for name in header[3:]] for day, answers in rows]
        path = tmp_path / f"import-{next(serials)}.csv"
        path.write_bytes(csv_bytes(header, lines))
        survey_responses_import(table=open_table(path), agency=agencies[code],
                                structure=structure, file_name=path.name)
    elif kind == "delete":
        responses = list(Response.objects.order_by("pk"))
        if responses:
            survey_response_delete(response=responses[op[1] % len(responses)], actor=actor,
                                   reason="測試")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(operations=st.lists(operation, min_size=1, max_size=10))
def test_it_keeps_the_tally_equal_to_a_recount_after_mixed_writes(
        operations, structure, agencies, tmp_path, cast):
    tokens: list = []
    for op in operations:
        apply(op, structure=structure, agencies=agencies, tmp_path=tmp_path, tokens=tokens,
              actor=cast.ethics)
        assert tally_compare() == []
    assert not AnswerTally.objects.filter(n__lt=1).exists()


def test_it_finds_and_fixes_a_broken_tally_with_the_command(agencies, submit):
    submit(agencies["sly"], date(2015, 5, 1), {"env_a": "5", "aware_1": "no"})
    out = StringIO()
    call_command("recount_survey_tally", stdout=out)
    assert "月統計與原始答案一致" in out.getvalue()

    AnswerTally.objects.filter(option="5").update(n=7)
    RespondentTally.objects.all().delete()
    out = StringIO()
    with pytest.raises(SystemExit) as exit_status:
        call_command("recount_survey_tally", "--agency", "sly", stdout=out, stderr=StringIO())
    assert exit_status.value.code == 1
    assert "統計表 7，重新計算 1" in out.getvalue() and "統計表 0，重新計算 1" in out.getvalue()

    call_command("recount_survey_tally", "--fix", stdout=StringIO())
    assert tally_compare() == []
    assert AnswerTally.objects.get(option="5").n == 1


# -- deletion through the staff page ---------------------------------------------------------

def delete_url(response):
    return reverse("surveys:response-delete", kwargs={"agency": "sly", "pk": response.pk})


def test_it_deletes_a_response_with_a_reason_and_takes_it_out_of_the_tally(
        cast, client_for, submit):
    response = submit(cast.sly, date(2015, 5, 1), {"env_a": "5"}, channel="paper", serial="D1")
    kept = submit(cast.sly, date(2015, 5, 2), {"env_a": "4"})
    client = client_for(cast.ethics)
    client.post(delete_url(response), {"reason": ""})
    assert Response.objects.count() == 2
    client.post(delete_url(response), {"reason": "登錄錯誤，重新輸入"})
    assert list(Response.objects.all()) == [kept]
    assert dict(AnswerTally.objects.values_list("option", "n")) == {"4": 1}
    event = AuditEvent.objects.get(action="survey.response_delete")
    assert (event.actor, event.reason, event.detail["serial"]) == (cast.ethics, "登錄錯誤，重新輸入",
                                                                   "D1")


@pytest.mark.parametrize("who,status", [
    ("ethics", 200), ("secretariat", 200),
    ("statistics", 403), ("front_desk", 403), ("director", 403), ("hq_auditor", 403),
    ("outsider", 404), ("no_role", 404),
])
def test_it_lets_only_managers_list_and_delete_responses(cast, client_for, submit, who, status):
    response = submit(cast.sly, date(2015, 5, 1), {"env_a": "5"}, texts={"comment": "意見"})
    client = client_for(getattr(cast, who))
    page = client.get(reverse("surveys:responses", kwargs={"agency": "sly"}))
    assert page.status_code == status
    if status == 200:
        assert "意見" in page.content.decode()
        assert AuditEvent.objects.filter(action="survey.responses_view").exists()
    else:
        assert client.post(delete_url(response), {"reason": "x"}).status_code == status
        assert Response.objects.count() == 1

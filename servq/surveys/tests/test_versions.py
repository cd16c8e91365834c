"""Versions: a new version replaces the old from a date; codes compare across versions."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.core.management import CommandError, call_command

from servq.core.periods import Period
from servq.core.tabular import csv_bytes
from servq.reports.registry import ReportScope
from servq.surveys.figures import survey_figures
from servq.surveys.models import Question, Questionnaire
from servq.surveys.services import questionnaire_new_version, survey_response_submit
from servq.surveys.structure import load_structure, questionnaire_in_effect


@pytest.fixture
def versions(agencies):
    first = Questionnaire.objects.get(code="service-ethics", version=1)
    second = questionnaire_new_version(previous=first, effective_from=date(2016, 1, 1))
    # the new version drops one question and words another differently (same code, same scale)
    Question.objects.filter(questionnaire=second, code="aware_3").delete()
    Question.objects.filter(questionnaire=second, code="promo_overall").update(
        text="機關形象之整體滿意度")
    first.refresh_from_db()
    return first, second


def test_it_switches_to_the_new_version_on_its_first_day(versions, agencies):
    first, second = versions
    assert (second.version, second.replaces, first.effective_until) == \
        (2, first, date(2015, 12, 31))
    shilin = agencies["sly"]
    assert questionnaire_in_effect(shilin, date(2015, 12, 31)) == first
    assert questionnaire_in_effect(shilin, date(2016, 1, 1)) == second
    assert "aware_3" not in load_structure(second).by_code


def test_it_compares_quarters_across_versions_by_question_code(versions, agencies):
    first, second = versions
    shilin = agencies["sly"]
    for version, day, option in ((first, date(2015, 11, 2), "3"), (first, date(2015, 11, 3), "5"),
                                 (second, date(2016, 2, 1), "5")):
        survey_response_submit(structure=load_structure(version), agency=shilin, submitted_on=day,
                               channel="web", answers={"promo_overall": option})
    figures = survey_figures(ReportScope.for_agency(shilin, Period.parse("2016Q1")))
    promo = figures["questions"]["promo_overall"]
    assert promo["text"] == "機關形象之整體滿意度"  # the report lists the version in effect
    assert (promo["top2_percent"], promo["previous_top2_percent"], promo["change_points"]) == \
        (Decimal("100.0"), Decimal("50.0"), Decimal("50.0"))
    assert "aware_3" not in figures["questions"]


def test_it_refuses_a_response_outside_the_versions_dates(versions, agencies):
    first, _ = versions
    with pytest.raises(ValidationError, match="不在"):
        survey_response_submit(structure=load_structure(first), agency=agencies["sly"],
                               submitted_on=date(2016, 1, 4), channel="web",
                               answers={"env_a": "5"})


def test_it_prefers_an_agencys_own_version(agencies):
    shared = Questionnaire.objects.get(code="service-ethics")
    own = Questionnaire.objects.create(code="tpy-counter", version=1, title="臨櫃服務問卷",
                                       agency=agencies["tpy"], effective_from=date(2015, 4, 1))
    assert questionnaire_in_effect(agencies["tpy"], date(2015, 5, 1)) == own
    assert questionnaire_in_effect(agencies["tpy"], date(2015, 3, 1)) == shared
    assert questionnaire_in_effect(agencies["sly"], date(2015, 5, 1)) == shared
    with pytest.raises(ValidationError, match="不適用於士林分署"):
        survey_response_submit(structure=load_structure(own), agency=agencies["sly"],
                               submitted_on=date(2015, 5, 1), channel="web", answers={})


def test_it_imports_into_a_named_older_version(versions, agencies, tmp_path, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(2016, 3, 1))
    first, _ = versions
    codes = [q.code for q in load_structure(first).choice_questions]
    path = tmp_path / "q4.csv"
    path.write_bytes(csv_bytes(["submitted_on", "channel", *codes],
                               [["2015-12-01", "paper"] + ["5" if not c.startswith("aware")
                                                           else "no" for c in codes]]))
    with pytest.raises(CommandError, match="「aware_3」：不認得的欄位"):  # today's version
        call_command("import_responses", str(path), agency="sly", stdout=StringIO())
    out = StringIO()
    call_command("import_responses", str(path), agency="sly", questionnaire="service-ethics@1",
                 stdout=out)
    assert "第1版" in out.getvalue()

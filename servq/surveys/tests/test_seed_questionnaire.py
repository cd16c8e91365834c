"""The data migration installs the seed's questionnaire; the demo data give its Q2 figures."""

from decimal import ROUND_HALF_UP, Decimal
from importlib import import_module

import pytest

from servq.core.periods import Period
from servq.reports.registry import ReportScope
from servq.surveys.figures import survey_figures
from servq.surveys import seed_questionnaire
from servq.surveys.models import Question, Scale


def test_it_installs_the_seed_questionnaire_codes_texts_and_scales(structure, seed):
    installed = [
        {"code": group.code, "title": group.title, "questions": [
            {"code": q.code, "scale": q.scale_code, "text": q.text, "short": q.short_label,
             "overall": q.is_overall}
            for q in group.questions]}
        for group in structure.groups if group.code in {g["code"] for g in seed["questionnaire"]["groups"]}
    ]
    expected = [
        {"code": group["code"], "title": group["title"], "questions": [
            {"code": q["code"], "scale": q["scale"], "text": q["text"], "short": q.get("short", ""),
             "overall": q.get("overall", False)}
            for q in group["questions"]]}
        for group in seed["questionnaire"]["groups"]
    ]
    assert installed == expected
    assert structure.questionnaire.title == seed["questionnaire"]["title"]
    # beyond the seed: one free-text question, which never enters the statistics
    assert [q.code for q in structure.text_questions] == ["comment"]


def test_it_installs_the_scales_with_their_option_codes_and_labels(db, seed):
    for code, options in seed["questionnaire"]["scales"].items():
        scale = Scale.objects.get(code=code)
        assert {o.code: o.label for o in scale.options.order_by("order")} == options
    top_two = set(Scale.objects.get(code="satisfaction5").options.filter(is_top_two=True)
                  .values_list("code", flat=True))
    assert top_two == {"5", "4"}
    assert not Scale.objects.get(code="aware2").options.filter(is_top_two=True).exists()
    assert Question.objects.filter(scale__code="comment").count() == 1


def test_it_reinstalls_after_a_flush_what_the_frozen_migrations_installed():
    # The migrations keep their own copy of the seed, so that editing seed_questionnaire.py
    # cannot change what they install; the demo must still put back the same rows.
    installed = import_module("servq.surveys.migrations.0002_seed_questionnaire")
    english = import_module("servq.surveys.migrations.0003_english_texts")
    assert installed.SCALES == seed_questionnaire.SCALES
    assert installed.QUESTIONNAIRE == seed_questionnaire.QUESTIONNAIRE
    assert installed.GROUPS == seed_questionnaire.GROUPS
    assert english.ENGLISH == seed_questionnaire.ENGLISH
    assert english.QUESTIONNAIRE.items() <= installed.QUESTIONNAIRE.items()


@pytest.fixture
def q2_figures(shilin_2015):
    return survey_figures(ReportScope.for_agency(shilin_2015, Period.parse("2015Q2")))


def test_it_gives_the_seed_counts_and_respondents_from_the_demo_data(q2_figures, seed):
    assert q2_figures["respondents"] == seed["respondents"]
    assert q2_figures["respondents_ytd"] == seed["respondents_ytd"]
    for code, counts in seed["counts"].items():
        assert q2_figures["questions"][code]["counts"] == counts, code
        assert q2_figures["questions"][code]["n"] == seed["respondents"], code


# The seed prints these items' percentages to the whole percent (admin_2 as 92/4/4); every
# other item to one decimal, its 0%, 50% and 100% being exact.
WHOLE_PERCENT_ITEMS = {"admin_2", "admin_3", "admin_4"}


def test_it_derives_every_stated_percentage_from_the_counts(q2_figures, seed):
    for code, stated in seed["stated_percent"].items():
        question = q2_figures["questions"][code]
        assert len(stated) == len(question["counts"]), code
        for option, printed in zip(question["counts"], stated):
            ours, printed = question["percent"][option], Decimal(str(printed))
            if option in seed["misprints"].get(code, {}):
                assert ours == Decimal("0.0") and printed != 0
            elif code in WHOLE_PERCENT_ITEMS:
                assert ours.quantize(Decimal("1"), ROUND_HALF_UP) == printed, (code, option, ours)
            else:
                assert ours == printed, (code, option, ours, printed)
    for code in WHOLE_PERCENT_ITEMS:  # rounded indeed: none of them is printed as computed
        percent = q2_figures["questions"][code]["percent"]
        assert [percent[option] for option in percent] != [
            Decimal(str(p)) for p in seed["stated_percent"][code]], code


def test_it_gives_the_stated_top_two_shares_and_the_notes_corrections(q2_figures, seed):
    for code, stated in seed["stated_top2_percent"].items():
        assert q2_figures["questions"][code]["top2_percent"] == Decimal(str(stated)), code
    # the note: the analysis paragraph's 100% for admin_1 is 92.3% by its own counts
    assert q2_figures["questions"]["admin_1"]["top2_percent"] == Decimal("92.3")
    # the note: staff_d ties env_b at 96.2%, so the ranking keeps them together
    tier = next(t for t in q2_figures["ranking"] if t["top2_percent"] == Decimal("96.2"))
    assert {"env_b", "staff_d"} <= {item["code"] for item in tier["items"]}
    top = q2_figures["ranking"][0]
    assert top["rank"] == 1 and {i["code"] for i in top["items"]} == {"env_c", "staff_a", "staff_b"}
    assert tier["rank"] == 1 + len(top["items"])


def test_it_shows_promotion_a_little_below_the_previous_quarter(q2_figures):
    promo = q2_figures["questions"]["promo_overall"]
    assert promo["top2_percent"] == Decimal("92.3")
    assert promo["previous_top2_percent"] > promo["top2_percent"]
    assert promo["change_points"] == promo["top2_percent"] - promo["previous_top2_percent"] < 0


def test_it_makes_aware_questions_yes_no_without_top_two(q2_figures):
    aware = q2_figures["questions"]["aware_2"]
    assert list(aware["counts"]) == ["yes", "no"] and "top2_percent" not in aware
    assert aware["percent"] == {"yes": Decimal("76.9"), "no": Decimal("23.1")}

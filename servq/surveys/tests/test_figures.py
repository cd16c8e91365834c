"""The `survey` figures: the issue's JSON, stable keys, pooled consolidation, few queries."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from servq.core.periods import Period
from servq.reports.registry import ReportScope
from servq.surveys.charts import question_chart_png
from servq.surveys.figures import survey_figures
from servq.surveys.statistics import survey_statistics


def build_json(agency="sly", period="2015Q2", **options) -> dict:
    out = StringIO()
    call_command("build_report", agency=agency, period=period, format="json", output="-",
                 stdout=out, **options)
    return json.loads(out.getvalue())


def test_it_prints_the_issues_json_for_2015q2(shilin_2015):
    figures = build_json()
    assert figures["agency"]["code"] == "sly"
    assert (figures["period"]["code"], figures["period"]["start"], figures["period"]["end"]) == \
        ("2015Q2", "2015-04-01", "2015-06-30")
    survey = figures["survey"]
    assert (survey["respondents"], survey["respondents_ytd"]) == (26, 59)
    env_a = survey["questions"]["env_a"]
    assert {k: env_a[k] for k in ("n", "counts", "percent", "top2_percent")} == {
        "n": 26, "counts": {"5": 16, "4": 8, "3": 2, "2": 0, "1": 0},
        "percent": {"5": 61.5, "4": 30.8, "3": 7.7, "2": 0.0, "1": 0.0}, "top2_percent": 92.3}
    assert survey["questions"]["aware_1"]["counts"] == {"yes": 26, "no": 0}
    assert "top2_percent" not in survey["questions"]["aware_1"]
    assert len(survey["questions"]) == 21
    assert env_a["text"] == "本分署規劃之交通引導措施對引導之幫助" and env_a["short"] == "交通引導措施"
    assert (env_a["group"], env_a["scale"]) == ("env", "helpfulness5")
    assert [g["overall"] for g in survey["groups"]] == ["env_overall", "staff_overall",
                                                         "promo_overall", "admin_overall"]
    assert survey["questions"]["env_a"]["ytd"]["n"] == 59


def test_it_keeps_every_key_without_data(agencies, shilin_2015):
    full = survey_figures(ReportScope.for_agency(shilin_2015, Period.parse("2015Q2")))
    empty = survey_figures(ReportScope.for_agency(agencies["tpy"], Period.parse("2015Q2")))

    def shape(value):
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        return type(value).__name__ if value is not None else "Decimal"

    skip = {"ranking", "ranking_overall"}  # lists whose length follows the data
    assert {k: shape(v) for k, v in empty.items() if k not in skip} == \
        {k: shape(v) for k, v in full.items() if k not in skip}
    env_a = empty["questions"]["env_a"]
    assert (env_a["n"], env_a["top2_percent"], env_a["percent"]["5"]) == (0, None, None)
    assert empty["ranking"] == [] and empty["respondents"] == 0


def test_it_pools_counts_for_a_consolidated_scope(agencies, submit):
    # Shilin 1 of 1 top-two, Taipei 1 of 3: pooled 2/4 = 50.0, not the mean of 100 and 33.3
    submit(agencies["sly"], date(2015, 5, 1), {"staff_a": "5"})
    for option in ("5", "2", "1"):
        submit(agencies["tpy"], date(2015, 5, 1), {"staff_a": option})
    scope = ReportScope.for_agency(agencies["aee"], Period.parse("2015Q2"), consolidated=True)
    staff_a = survey_figures(scope)["questions"]["staff_a"]
    assert (staff_a["n"], staff_a["top2_percent"]) == (4, Decimal("50.0"))
    assert build_json("aee", consolidated=True)["survey"]["respondents"] == 4
    assert build_json("aee")["survey"]["respondents"] == 0  # the HQ alone has none


def test_it_computes_the_figures_in_six_queries(shilin_2015, django_assert_num_queries):
    scope = ReportScope.for_agency(shilin_2015, Period.parse("2015Q2"))
    with django_assert_num_queries(6):
        survey_figures(scope)


def test_it_compares_with_the_previous_quarter_across_a_year_end(agencies, submit):
    submit(agencies["sly"], date(2015, 1, 20), {"env_c": "5"})
    submit(agencies["sly"], date(2015, 1, 21), {"env_c": "3"})
    submit(agencies["sly"], date(2015, 2, 2), {"env_c": "5"})
    figures = survey_figures(ReportScope.for_agency(agencies["sly"], Period.parse("2015Q2")))
    env_c = figures["questions"]["env_c"]
    assert (env_c["n"], env_c["top2_percent"], env_c["previous_top2_percent"]) == \
        (0, None, Decimal("66.7"))
    assert env_c["change_points"] is None
    q1 = survey_figures(ReportScope.for_agency(agencies["sly"], Period.parse("2015Q1")))
    assert q1["respondents_previous"] == 0 and q1["respondents_ytd"] == 3


def test_it_draws_one_questions_distribution(shilin_2015, structure):
    stats = survey_statistics(structure=structure, agency_ids=[shilin_2015.pk],
                              period=Period.parse("2015Q2"))
    png = question_chart_png(stats.questions["env_a"])
    assert png.startswith(b"\x89PNG") and len(png) > 5000

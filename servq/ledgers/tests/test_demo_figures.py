"""The demo's records give the seed report's figures (facts copied into seed_facts.json)."""

import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

FACTS = json.loads((Path(__file__).parent / "seed_facts.json").read_text(encoding="utf-8"))
SEED = {fact["code"]: fact for fact in FACTS["figures_year_to_date"]}


@pytest.fixture(scope="module")
def report(django_db_setup, django_db_blocker):
    """The report JSON of Shilin 2015Q2 after loading the demo twice (it must be idempotent)."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            for _ in range(2):
                call_command("load_demo", stdout=StringIO())
            out = StringIO()
            call_command("build_report", agency="sly", period="2015Q2", format="json",
                         output="-", stdout=out)
            transaction.set_rollback(True)
    return json.loads(out.getvalue(), parse_float=Decimal)["ledgers"]


VALUE_FIGURES = [code for code, fact in SEED.items() if "value" in fact]


@pytest.mark.parametrize("code", VALUE_FIGURES)
def test_it_gives_the_seeds_year_to_date_value(report, code):
    assert report[code]["value"] == SEED[code]["value"]


def test_it_gives_the_stationed_staff_by_transferring_agency(report):
    assert report["stationed_staff"]["by"] == SEED["stationed_staff"]["by"]
    assert report["stationed_staff"]["total"] == SEED["stationed_staff"]["total"] == 33


@pytest.mark.parametrize("code", ["phone_courtesy_self", "phone_courtesy_hq"])
def test_it_gives_the_courtesy_tests_person_times_average_and_rating(report, code):
    figure, fact = report[code], SEED[code]
    assert (figure["person_times"], figure["average"], figure["rating"]) == (
        fact["person_times"], Decimal(str(fact["average"])), fact["rating"])


@pytest.mark.parametrize("code", ["store_collections", "insurance_collections"])
def test_it_gives_the_collections_cases_and_amounts(report, code):
    assert (report[code]["cases"], report[code]["amount_ntd"]) == (SEED[code]["cases"],
                                                                  SEED[code]["amount_ntd"])


def test_it_gives_the_lunch_duty_rate_and_planned_hours(report):
    figure, fact = report["lunch_duty_services"], SEED["lunch_duty_services"]
    assert figure["rate_ntd_per_hour"] == fact["overtime_ntd_per_hour"]
    assert figure["hours_per_shift"] == fact["hours_per_day"]
    assert figure["planned_hours_year"] == fact["hours_per_year_approx"]


def test_it_checked_every_link_and_found_them_healthy(report):
    figure = report["web_links"]
    assert figure["checked"] == figure["healthy"] == SEED["web_links"]["value"]


def test_it_lists_the_seeds_trainings(report):
    listed = [(t["date"], t["topic"], t["speaker"]) for t in report["trainings"]]
    assert listed == [(t["date"], t["topic"], t["speaker"]) for t in FACTS["trainings_2015H1"]]


def test_it_lists_the_seeds_public_welfare_activities(report):
    listed = {a["title"]: a for a in report["public_welfare"]}
    assert set(listed) == {a["title"] for a in FACTS["public_welfare_2015"]}
    for fact in FACTS["public_welfare_2015"]:
        activity = listed[fact["title"]]
        assert activity["date"] == fact["date"]
        for field, seed_field in (("partner", "partner"), ("person_hours", "person_hours"),
                                  ("donors", "persons"), ("bags", "bags"), ("cc", "cc")):
            if seed_field in fact:
                assert activity[field] == fact[seed_field], (fact["title"], field)

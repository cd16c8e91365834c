"""The demo's records give the seed report's figures (servq/core/tests/seed_figures.json).

Every code of the seed's figures_year_to_date is checked: the ledgers' own in the report's
`ledgers` object, the others where they are computed (OTHER_OBJECTS), none silently dropped.
"""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from servq.core.tests.seed import SEED_FIGURES

FACTS = json.loads(SEED_FIGURES.read_text(encoding="utf-8"))
SEED = {fact["code"]: fact for fact in FACTS["figures_year_to_date"]}

# Seed codes that are not ledgers: the report object and key that gives each (year to date).
OTHER_OBJECTS = {
    "petitions": ("petitions", "received_ytd"),       # the petitions app's cases
    "negative_news": ("media", "negative_news_ytd"),  # the petitions app's media ledger
    "press_releases": ("media", "press_releases_ytd"),
    "download_forms": ("portal", "download_forms"),   # forms offered on the public site
}
# A constant, not a record: the limit is tested where it is enforced (test_collections.py,
# test_it_refuses_an_amount_of_twenty_thousand_naming_the_row).
CONSTANTS = {"store_payment_threshold"}
# Facts whose seed value is 0: a zero also comes out of an empty database, so each is
# checked beside figures of the same records that are not zero.
ZEROS = {"egate_joint_contract_epay", "negative_news"}
EGATE = ["egate_tax_business", "egate_accounting_epay", "egate_procurement_eorder",
         "egate_edocs"]


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
    return json.loads(out.getvalue(), parse_float=Decimal)


@pytest.fixture(scope="module")
def ledgers(report):
    return report["ledgers"]


def test_it_accounts_for_every_seed_code(ledgers):
    elsewhere = set(OTHER_OBJECTS) | CONSTANTS
    assert set(SEED) - elsewhere <= set(ledgers)
    assert not set(OTHER_OBJECTS) & set(ledgers)


VALUE_FIGURES = [code for code, fact in SEED.items()
                 if "value" in fact and code not in set(OTHER_OBJECTS) | CONSTANTS | ZEROS]


@pytest.mark.parametrize("code", VALUE_FIGURES)
def test_it_gives_the_seeds_year_to_date_value(ledgers, code):
    assert SEED[code]["value"] > 0
    assert ledgers[code]["value"] == SEED[code]["value"]


@pytest.mark.parametrize("code", sorted(OTHER_OBJECTS))
def test_it_gives_the_seeds_figures_that_other_apps_compute(report, code):
    namespace, key = OTHER_OBJECTS[code]
    assert report[namespace][key] == SEED[code]["value"]


def test_it_gives_the_petitions_average_days_and_none_late(report):
    petitions, fact = report["petitions"], SEED["petitions"]
    assert petitions["average_days_ytd"] == Decimal(str(fact["average_days"]))
    assert petitions["received_ytd"] > 0
    assert petitions["closed_late_ytd"] == petitions["overdue_open"] == fact["overdue"] == 0


def test_it_gives_no_joint_contract_payment_among_loaded_e_gateway_figures(ledgers):
    assert ledgers["egate_joint_contract_epay"]["value"] == 0
    assert all(ledgers[code]["value"] > 0 for code in EGATE)


def test_it_gives_no_negative_news_beside_the_press_releases(report):
    assert report["media"]["negative_news_ytd"] == SEED["negative_news"]["value"] == 0
    assert report["media"]["press_releases_ytd"] == SEED["press_releases"]["value"] > 0


def test_it_counts_web_updates_from_the_portals_news(report, ledgers):
    assert ledgers["web_updates"]["value"] == report["portal"]["news_updates_ytd"] == 30
    assert ledgers["web_updates"]["quarter"]["value"] == report["portal"]["news_updates"]


def test_it_gives_the_stationed_staff_by_transferring_agency(ledgers):
    assert ledgers["stationed_staff"]["by"] == SEED["stationed_staff"]["by"]
    assert ledgers["stationed_staff"]["total"] == SEED["stationed_staff"]["total"] == 33


@pytest.mark.parametrize("code", ["phone_courtesy_self", "phone_courtesy_hq"])
def test_it_gives_the_courtesy_tests_person_times_average_and_rating(ledgers, code):
    figure, fact = ledgers[code], SEED[code]
    assert (figure["person_times"], figure["average"], figure["rating"]) == (
        fact["person_times"], Decimal(str(fact["average"])), fact["rating"])


@pytest.mark.parametrize("code", ["store_collections", "insurance_collections"])
def test_it_gives_the_collections_cases_and_amounts(ledgers, code):
    assert (ledgers[code]["cases"], ledgers[code]["amount_ntd"]) == (SEED[code]["cases"],
                                                                    SEED[code]["amount_ntd"])


def test_it_pays_the_logged_lunch_shifts_at_the_seeds_rate(ledgers):
    """The rate and hours per shift are reference data; what the demo's records show is that
    each logged shift carries them, and the calendar gives the year's planned hours."""
    figure, fact = ledgers["lunch_duty_services"], SEED["lunch_duty_services"]
    assert figure["rate_ntd_per_hour"] == fact["overtime_ntd_per_hour"]
    assert figure["hours_per_shift"] == fact["hours_per_day"]
    assert figure["shifts"] > 0 and figure["hours"] == figure["shifts"] * fact["hours_per_day"]
    assert figure["cost_ntd"] == figure["hours"] * fact["overtime_ntd_per_hour"]
    assert figure["planned_hours_year"] == fact["hours_per_year_approx"]


def test_it_checked_every_link_and_found_them_healthy(ledgers):
    figure = ledgers["web_links"]
    assert figure["checked"] == figure["healthy"] == SEED["web_links"]["value"]


def test_it_lists_the_seeds_trainings(ledgers):
    listed = [(t["date"], t["topic"], t["speaker"]) for t in ledgers["trainings"]]
    assert listed == [(t["date"], t["topic"], t["speaker"]) for t in FACTS["trainings_2015H1"]]
    assert ledgers["trainings_totals"]["count"] == len(FACTS["trainings_2015H1"])


def test_it_lists_the_seeds_public_welfare_activities(ledgers):
    listed = {a["title"]: a for a in ledgers["public_welfare"]}
    assert set(listed) == {a["title"] for a in FACTS["public_welfare_2015"]}
    for fact in FACTS["public_welfare_2015"]:
        activity = listed[fact["title"]]
        assert activity["date"] == fact["date"]
        for field, seed_field in (("partner", "partner"), ("person_hours", "person_hours"),
                                  ("donors", "persons"), ("bags", "bags"), ("cc", "cc")):
            if seed_field in fact:
                assert activity[field] == fact[seed_field], (fact["title"], field)


def test_it_totals_the_seeds_public_welfare_activities(ledgers):
    totals, facts = ledgers["public_welfare_totals"], FACTS["public_welfare_2015"]
    assert totals["count"] == len(facts)
    assert totals["person_hours"] == sum(f.get("person_hours", 0) for f in facts)
    assert (totals["donors"], totals["bags"], totals["cc"]) == tuple(
        sum(f.get(key, 0) for f in facts) for key in ("persons", "bags", "cc"))

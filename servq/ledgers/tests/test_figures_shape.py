"""The provider's contract: the same keys with or without data, few queries, consolidation."""

from datetime import date
from decimal import Decimal

from servq.ledgers.models import CourtesyItem, CourtesyTest, Indicator, LunchDuty
from servq.ledgers.services.courtesy import courtesy_test_save
from servq.ledgers.services.indicators import indicator_values_save
from servq.ledgers.services.lunch import lunch_duty_save

LEDGER_KEYS = {
    "stationed_staff", "phone_courtesy_self", "phone_courtesy_hq", "attitude_baseline",
    "lunch_duty_services", "collections", "store_collections", "insurance_collections",
    "store_payment_threshold", "web_links", "trainings", "trainings_totals", "public_welfare",
    "public_welfare_totals", "facility_inspections", "web_updates",
    # the standard indicators
    "egate_tax_business", "egate_accounting_epay", "egate_procurement_eorder",
    "egate_joint_contract_epay", "egate_edocs", "case_inquiries", "web_visitors",
    "cross_agency_meetings",
}


def shape(value):
    """The tree of keys (lists and by-name maps reduced to their kind)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()
                if key not in ("by", "by_month", "categories")}
    if isinstance(value, list):
        return "list"
    return None


def test_it_returns_every_key_without_any_record(cast, figures):
    empty = figures(cast.tpy)
    assert set(empty) == LEDGER_KEYS
    assert empty["store_collections"] == {"cases": 0, "amount_ntd": 0,
                                          "quarter": {"cases": 0, "amount_ntd": 0}}
    assert empty["phone_courtesy_self"]["average"] is None
    assert empty["trainings"] == [] and empty["web_links"]["checked_at"] is None
    assert empty["trainings_totals"] == {"value": 0, "count": 0, "attendees": 0, "hours": 0,
                                         "person_hours": 0, "quarter": {
                                             "value": 0, "count": 0, "attendees": 0,
                                             "hours": 0, "person_hours": 0}}
    assert empty["web_updates"] == {"value": 0, "unit": "次", "source": "portal",
                                    "quarter": {"value": 0}, "month": {"value": 0}}


def test_it_puts_the_quarter_beside_every_year_to_date_figure(cast, figures):
    lists = {"trainings", "public_welfare"}  # record lists; their totals have the quarter
    result = figures(cast.sly)
    assert {key for key, figure in result.items() if key not in lists
            and "quarter" not in figure} == set()


def test_it_returns_the_same_keys_with_records(cast, roster, figures):
    before = shape(figures(cast.sly))
    indicator_values_save(indicator=Indicator.objects.get(code="egate_edocs"), agency=cast.sly,
                          values={(date(2015, 4, 1), None): 3})
    courtesy_test_save(agency=cast.sly, instance=CourtesyTest(), data=dict(
        source="self", tested_on=date(2015, 4, 2), tester="x", staff_member=roster[0]),
        scores={item.pk: item.max_score for item in CourtesyItem.objects.all()})
    assert shape(figures(cast.sly)) == before


def test_it_computes_all_figures_in_a_bounded_number_of_queries(cast, roster, figures,
                                                                django_assert_max_num_queries):
    for month in range(1, 7):
        indicator_values_save(indicator=Indicator.objects.get(code="egate_edocs"),
                              agency=cast.sly, values={(date(2015, month, 1), None): month})
    # one query per ledger or so, never per record (the totals and web updates: 3 more)
    with django_assert_max_num_queries(28):
        figures(cast.sly)
    with django_assert_max_num_queries(33):
        figures(cast.aee, consolidated=True)


def test_it_sums_people_based_ledgers_over_branches(cast, roster, figures):
    from servq.core.demo import ensure_roster
    from servq.core.models import StaffMember

    ensure_roster(cast.tpy)
    taipei = StaffMember.objects.filter(agency=cast.tpy).first()
    full = {item.pk: item.max_score for item in CourtesyItem.objects.all()}
    for agency, person in ((cast.sly, roster[0]), (cast.tpy, taipei)):
        courtesy_test_save(agency=agency, instance=CourtesyTest(), scores=full, data=dict(
            source="self", tested_on=date(2015, 4, 2), tester="x", staff_member=person))
        duty = LunchDuty(agency=agency, day=date(2015, 4, 2), staff_member=person)
        lunch_duty_save(agency=agency, instance=duty, data=dict(served_inquiry=2))
    hq = figures(cast.aee, consolidated=True)
    assert hq["phone_courtesy_self"]["person_times"] == 2
    assert hq["phone_courtesy_self"]["tests"] == 2  # one test day in each branch
    assert hq["phone_courtesy_self"]["average"] == Decimal("100.0")
    assert (hq["lunch_duty_services"]["value"], hq["lunch_duty_services"]["cost_ntd"]) == (4, 100)

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from servq.core.models import CalendarDay
from servq.petitions.deadlines import due_date
from servq.petitions.models import DeadlineRule
from servq.petitions.services import petition_extend_deadline

from .conftest import category


def set_rule(agency, code, days, kind):
    DeadlineRule.objects.update_or_create(agency=agency, category=category(code),
                                          defaults=dict(days=days, day_kind=kind))


def test_it_counts_working_days_across_a_weekend_and_the_lunar_new_year(rules):
    set_rule(rules.sly, "case", 5, "workdays")
    # Thu 2/12: Fri 13, Mon 16, Tue 17, then 18-23 off (除夕, 春節, weekend, 補假) -> 24, 25.
    assert due_date(agency=rules.sly, category=category("case"),
                    received_on=date(2015, 2, 12)) == date(2015, 2, 25)


def test_it_counts_a_make_up_workday(rules):
    set_rule(rules.sly, "case", 1, "workdays")
    friday = date(2015, 6, 26)
    assert due_date(agency=rules.sly, category=category("case"), received_on=friday) == \
        date(2015, 6, 29)
    CalendarDay.objects.create(day=date(2015, 6, 27), is_workday=True, name="補行上班")
    assert due_date(agency=rules.sly, category=category("case"), received_on=friday) == \
        date(2015, 6, 27)


def test_it_moves_a_calendar_day_deadline_off_a_holiday(rules):
    set_rule(rules.sly, "other", 10, "calendar")
    # 2/8 + 10 = Wed 2/18 (除夕): the deadline ends on the next working day, Tue 2/24.
    assert due_date(agency=rules.sly, category=category("other"),
                    received_on=date(2015, 2, 8)) == date(2015, 2, 24)
    assert due_date(agency=rules.sly, category=category("other"),
                    received_on=date(2015, 6, 1)) == date(2015, 6, 11)


def test_it_follows_an_agency_closure_only_in_that_agency(rules):
    set_rule(rules.sly, "service", 1, "workdays")
    set_rule(rules.tpy, "service", 1, "workdays")
    CalendarDay.objects.create(day=date(2015, 8, 7), is_workday=False, name="颱風停班",
                               agency=rules.sly)
    thursday = date(2015, 8, 6)
    assert due_date(agency=rules.sly, category=category("service"),
                    received_on=thursday) == date(2015, 8, 10)
    assert due_date(agency=rules.tpy, category=category("service"),
                    received_on=thursday) == date(2015, 8, 7)


def test_it_never_goes_past_the_thirty_day_cap(rules):
    set_rule(rules.sly, "case", 30, "workdays")  # 30 working days would be mid-April
    assert due_date(agency=rules.sly, category=category("case"),
                    received_on=date(2015, 3, 2)) == date(2015, 4, 1)


def test_it_ends_on_the_last_working_day_before_a_weekend_thirtieth_day(rules):
    DeadlineRule.objects.filter(agency=rules.sly).delete()  # 30 calendar days
    thursday = date(2015, 6, 4)  # day 30 is Sat 7/4: Fri 7/3, not Mon 7/6 (day 32)
    assert due_date(agency=rules.sly, category=category("other"), received_on=thursday) == \
        date(2015, 7, 3)
    set_rule(rules.sly, "case", 30, "workdays")
    assert due_date(agency=rules.sly, category=category("case"), received_on=thursday) == \
        date(2015, 7, 3)


def test_it_ends_before_a_holiday_block_over_the_thirtieth_day(rules):
    DeadlineRule.objects.filter(agency=rules.sly).delete()
    # Day 30 of 1/20 is Thu 2/19 (春節, 2/18-2/23 off): Tue 2/17, not Tue 2/24 (day 35).
    assert due_date(agency=rules.sly, category=category("other"),
                    received_on=date(2015, 1, 20)) == date(2015, 2, 17)
    # 28 calendar days end on 2/19 too; rolled forward that is day 33, so back to 2/17.
    set_rule(rules.sly, "other", 28, "calendar")
    assert due_date(agency=rules.sly, category=category("other"),
                    received_on=date(2015, 1, 22)) == date(2015, 2, 17)


def test_it_falls_back_to_the_agency_default_then_to_thirty_days(rules):
    DeadlineRule.objects.filter(agency=rules.sly, category=category("other")).delete()
    default = DeadlineRule.objects.get(agency=rules.sly, category__isnull=True)
    default.days, default.day_kind = 3, "workdays"
    default.save()
    june_1 = date(2015, 6, 1)
    assert due_date(agency=rules.sly, category=category("other"), received_on=june_1) == \
        date(2015, 6, 4)
    DeadlineRule.objects.filter(agency=rules.sly).delete()
    assert due_date(agency=rules.sly, category=category("other"), received_on=june_1) == \
        date(2015, 7, 1)


def test_it_refuses_a_rule_over_the_legal_cap(rules):
    rule = DeadlineRule(agency=rules.sly, category=None, days=31, day_kind="calendar")
    with pytest.raises(ValidationError, match="30"):
        rule.clean()
    DeadlineRule.objects.filter(agency=rules.sly, category__isnull=True).delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        rule.save()


def test_it_extends_a_deadline_only_with_reason_approval_and_notice(make_petition, rules):
    petition = make_petition(category_code="case", received_on=date(2015, 6, 1))
    old_due = petition.due_on
    with pytest.raises(ValidationError) as refused:
        petition_extend_deadline(petition=petition, new_due_on=old_due, reason="",
                                 approved_by=rules.clerk, notice_method="x",
                                 notice_on=date(2015, 5, 1), actor=rules.clerk)
    assert set(refused.value.message_dict) == {"new_due_on", "reason", "approved_by",
                                               "notice_method", "notice_on"}
    event = petition_extend_deadline(
        petition=petition, new_due_on=date(2015, 7, 1), reason="需向移送機關調閱資料",
        approved_by=rules.director, notice_method="phone", notice_on=date(2015, 6, 10),
        actor=rules.clerk)
    petition.refresh_from_db()
    assert petition.due_on == date(2015, 7, 1)
    assert (event.previous_due_on, event.approved_by) == (old_due, rules.director)

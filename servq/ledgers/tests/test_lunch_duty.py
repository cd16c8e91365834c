from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from servq.core.models import CalendarDay
from servq.ledgers.models import LunchDuty, LunchDutyRate
from servq.ledgers.services.lunch import (NoRateConfigured, RosterRefused, lunch_duty_save,
                                          lunch_roster_generate)

FEBRUARY = (date(2015, 2, 1), date(2015, 2, 28))
FEBRUARY_HOLIDAYS = {date(2015, 2, d) for d in (18, 19, 20, 23, 27)}  # 春節, 和平紀念日補假


@pytest.fixture
def duty_staff(roster):
    return [p for p in roster if p.title == "書記官"][:3]


def test_it_rotates_staff_over_the_working_days_of_the_office_calendar(
        cast, duty_staff, office_calendar_2015):
    created = lunch_roster_generate(agency=cast.sly, first=FEBRUARY[0], last=FEBRUARY[1],
                                    staff=duty_staff)
    shifts = list(LunchDuty.objects.filter(agency=cast.sly).order_by("day"))
    assert created == len(shifts) == 15
    days = {shift.day for shift in shifts}
    assert not days & FEBRUARY_HOLIDAYS
    assert all(day.weekday() < 5 for day in days)
    assert [s.staff_member for s in shifts[:4]] == [*duty_staff, duty_staff[0]]
    # March continues after February's last person, and running it again adds nothing.
    lunch_roster_generate(agency=cast.sly, first=date(2015, 3, 1), last=date(2015, 3, 31),
                          staff=duty_staff)
    march = LunchDuty.objects.filter(day__month=3).order_by("day").first()
    following = duty_staff[(duty_staff.index(shifts[-1].staff_member) + 1) % 3]
    assert march.staff_member == following
    assert lunch_roster_generate(agency=cast.sly, first=date(2015, 3, 1),
                                 last=date(2015, 3, 31), staff=duty_staff) == 0
    # A gap is filled by whoever follows the day before's person.
    LunchDuty.objects.filter(day=date(2015, 2, 10)).delete()
    assert lunch_roster_generate(agency=cast.sly, first=FEBRUARY[0], last=FEBRUARY[1],
                                 staff=duty_staff) == 1
    before = LunchDuty.objects.get(day=date(2015, 2, 9)).staff_member
    assert LunchDuty.objects.get(day=date(2015, 2, 10)).staff_member == \
        duty_staff[(duty_staff.index(before) + 1) % 3]


def test_it_refuses_more_people_a_day_than_staff_chosen(cast, duty_staff, office_calendar_2015):
    with pytest.raises(RosterRefused, match="不能多於所選的輪值人員（2 人）"):
        lunch_roster_generate(agency=cast.sly, first=FEBRUARY[0], last=FEBRUARY[1],
                              staff=duty_staff[:2], per_day=3)
    assert not LunchDuty.objects.exists()


def test_it_never_puts_a_person_twice_on_a_day_already_half_staffed(cast, duty_staff,
                                                                    office_calendar_2015):
    first = duty_staff[0]
    LunchDuty.objects.create(agency=cast.sly, day=date(2015, 2, 2), staff_member=first)
    created = lunch_roster_generate(agency=cast.sly, first=date(2015, 2, 2),
                                    last=date(2015, 2, 3), staff=duty_staff, per_day=2)
    assert created == 3
    by_day = {}
    for shift in LunchDuty.objects.order_by("day", "pk"):
        by_day.setdefault(shift.day, []).append(shift.staff_member)
    assert by_day == {date(2015, 2, 2): [first, duty_staff[1]],
                      date(2015, 2, 3): [duty_staff[2], first]}


def test_it_explains_on_the_roster_screen_why_the_people_a_day_are_too_many(
        cast, duty_staff, office_calendar_2015, client_for):
    url = reverse("ledgers:lunch-roster", args=["sly"])
    response = client_for(cast.secretariat).post(url, {
        "first": "104/02/01", "last": "104/02/28", "per_day": 4,
        "staff": [p.pk for p in duty_staff]})
    assert response.status_code == 200
    assert "每日輪值人數不能多於所選的輪值人員（3 人），同一人一天只輪值一次。" in \
        response.content.decode()
    assert not LunchDuty.objects.exists()


def test_it_skips_an_agencys_own_closure_day(cast, duty_staff, office_calendar_2015):
    CalendarDay.objects.create(day=date(2015, 2, 10), is_workday=False, name="颱風停班",
                               agency=cast.sly)
    lunch_roster_generate(agency=cast.sly, first=FEBRUARY[0], last=FEBRUARY[1], staff=duty_staff)
    assert not LunchDuty.objects.filter(day=date(2015, 2, 10)).exists()
    assert LunchDuty.objects.count() == 14


def log(cast, shift, inquiry=0, billing=0, payment=0, hours=None):
    return lunch_duty_save(agency=cast.sly, instance=shift, logged=True, data=dict(
        served_inquiry=inquiry, served_billing=billing, served_payment=payment, hours=hours))


def test_it_counts_people_served_hours_and_overtime_cost(cast, duty_staff, office_calendar_2015,
                                                         figures):
    lunch_roster_generate(agency=cast.sly, first=date(2015, 3, 30), last=date(2015, 4, 2),
                          staff=duty_staff)
    shifts = list(LunchDuty.objects.order_by("day"))  # 3/30, 3/31, 4/1, 4/2
    log(cast, shifts[0], inquiry=2, payment=1)
    log(cast, shifts[2], inquiry=1, billing=2, payment=1)
    log(cast, shifts[3], inquiry=3, hours=Decimal("1.5"))
    figure = figures(cast.sly, "2015Q2")["lunch_duty_services"]
    assert (figure["value"], figure["by"]) == (10, {"inquiry": 6, "billing": 2, "payment": 2})
    assert (figure["shifts"], figure["hours"], figure["cost_ntd"]) == (3, Decimal("3.5"), 175)
    assert figure["quarter"]["value"] == 7 and figure["quarter"]["cost_ntd"] == 125
    assert (figure["workdays_in_year"], figure["planned_hours_year"]) == (249, Decimal("249.0"))
    assert figure["rate_ntd_per_hour"] == 50
    log(cast, shifts[3], inquiry=4, hours=Decimal("1.5"))
    assert figures(cast.sly, "2015Q2")["lunch_duty_services"]["value"] == 11


def test_it_keeps_the_rate_of_the_day_a_shift_was_worked(cast, duty_staff, office_calendar_2015,
                                                         figures):
    lunch_roster_generate(agency=cast.sly, first=date(2015, 6, 30), last=date(2015, 7, 1),
                          staff=duty_staff)
    LunchDutyRate.objects.create(effective_from=date(2015, 7, 1), ntd_per_hour=60)
    june, july = LunchDuty.objects.order_by("day")
    log(cast, june, inquiry=1)
    log(cast, july, inquiry=1)
    assert (june.rate_ntd, july.rate_ntd) == (50, 60)
    assert figures(cast.sly, "2015-07")["lunch_duty_services"]["cost_ntd"] == 110


def test_it_refuses_to_log_a_day_without_a_rate(cast, duty_staff):
    shift = LunchDuty(agency=cast.sly, day=date(2014, 12, 1), staff_member=duty_staff[0])
    with pytest.raises(NoRateConfigured):
        log(cast, shift, inquiry=1)


def test_it_generates_the_roster_and_logs_a_shift_on_the_staff_screens(
        cast, duty_staff, office_calendar_2015, client_for, figures):
    roster_url = reverse("ledgers:lunch-roster", args=["sly"])
    data = {"first": "104/02/01", "last": "104/02/28", "per_day": 1,
            "staff": [p.pk for p in duty_staff]}
    assert client_for(cast.personnel).post(roster_url, data).status_code == 403
    client_for(cast.secretariat).post(roster_url, data)
    assert LunchDuty.objects.count() == 15
    shift = LunchDuty.objects.order_by("day").first()
    edit = reverse("ledgers:record-edit", args=["sly", "lunch-duty", shift.pk])
    form = {"day": "104/02/02", "staff_member": shift.staff_member_id, "served_inquiry": 3,
            "served_billing": 0, "served_payment": 1, "hours": "", "note": "", "logged": "on"}
    client_for(cast.secretariat).post(edit, form)
    assert figures(cast.sly, "2015Q1")["lunch_duty_services"]["value"] == 4
    page = client_for(cast.secretariat).post(edit, form | {"logged": ""}).content.decode()
    assert "尚未完成的輪值不能有服務人次" in page

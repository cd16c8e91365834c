"""Fixtures of the reports tests: a real figure provider over core's records (the office
calendar and the staff roster), a template using it, and that template installed for Shilin.

The provider is registered only while a test uses it (registry.registered), so other apps'
tests never see the `office` namespace.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.db.models import Count, Q

from servq.core.demo import ensure_roster
from servq.core.models import CalendarDay, StaffMember
from servq.core.numbers import percent
from servq.core.periods import Period, month_end
from servq.core.workdays import WorkCalendar
from servq.reports.registry import ReportScope, registered
from servq.reports.services import template_create

OFFICE_TEMPLATE = Path(__file__).with_name("office_template.txt")
Q2 = Period.parse("2015Q2")


def office_figures(scope: ReportScope) -> dict:
    """Figures from the office calendar and the roster, as a provider app would write them."""
    agency = None if scope.consolidated else scope.agency
    ytd = scope.year_to_date
    calendar = WorkCalendar(ytd.start, scope.period.end, agency)
    months = {}
    for first in scope.period.months():
        last = month_end(first.year, first.month)
        days = (last - first).days + 1
        work = sum(1 for offset in range(days) if calendar.is_workday(first + timedelta(days=offset)))
        months[f"m{first.month:02d}"] = {
            "name": f"{first.month}月", "n": days,
            "counts": {"work": work, "off": days - work},
            "percent": {"work": percent(work, days), "off": percent(days - work, days)},
            "work_percent": percent(work, days),
        }
    in_scope = Q(agency__isnull=True) | Q(agency_id__in=scope.agency_ids)
    holidays = [
        {"date": row["day"].isoformat(), "name": row["name"] or "（未命名）"}
        for row in CalendarDay.objects.filter(in_scope, is_workday=False,
                                              day__range=(scope.period.start, scope.period.end))
        .exclude(day__week_day__in=[1, 7]).order_by("day").values("day", "name")
    ]
    makeup = CalendarDay.objects.filter(in_scope, is_workday=True,
                                        day__range=(scope.period.start, scope.period.end)) \
        .order_by("day").values_list("day", flat=True).first()
    # Base: every roster row, active or not (the mistake the percentage check is there to catch
    # once someone leaves: the shares then no longer add up to 100).
    staff = StaffMember.objects.filter(agency_id__in=scope.agency_ids).aggregate(
        everyone=Count("pk"),
        enforcement=Count("pk", filter=Q(is_active=True, is_enforcement_officer=True)),
        others=Count("pk", filter=Q(is_active=True, is_enforcement_officer=False)),
    )
    return {
        "workdays": sum(month["counts"]["work"] for month in months.values()),
        "months": months,
        "holidays": holidays,
        "closures": len(holidays),
        # A naive year to date that counts only the agency's own closures (as a buggy provider
        # might): below the quarter as soon as a national holiday falls in the quarter.
        "closures_ytd": CalendarDay.objects.filter(
            agency_id__in=scope.agency_ids, is_workday=False, day__range=(ytd.start, ytd.end)
        ).exclude(day__week_day__in=[1, 7]).count(),
        "first_makeup_day": makeup.isoformat() if makeup else None,
        "staff_share": {
            "counts": {"enforcement": staff["enforcement"], "others": staff["others"]},
            "percent": {"enforcement": percent(staff["enforcement"], staff["everyone"]),
                        "others": percent(staff["others"], staff["everyone"])},
        },
    }


@pytest.fixture
def office_provider(db):
    with registered("office", office_figures):
        yield office_figures


@pytest.fixture
def shilin_roster(agencies):
    ensure_roster(agencies["sly"])
    return StaffMember.objects.filter(agency=agencies["sly"])


@pytest.fixture
def office_template_source() -> str:
    return OFFICE_TEMPLATE.read_text(encoding="utf-8")


@pytest.fixture
def office_template(agencies, office_provider, office_calendar_2015, shilin_roster,
                    office_template_source):
    """Shilin's `default` template: the office template, saved as version 1."""
    return template_create(agency=agencies["sly"], code="default", name="提升服務品質執行成果報告",
                           source=office_template_source, reference_period=Q2)

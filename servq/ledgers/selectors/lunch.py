"""Lunchtime duty figures: people served by purpose, shifts, overtime hours and cost."""

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, DecimalField, F, Q, Sum

from servq.core.models import Agency
from servq.core.workdays import WorkCalendar

from ..models import LunchDuty, LunchDutyRate
from ..windows import Windows

PURPOSES = {"inquiry": "served_inquiry", "billing": "served_billing", "payment": "served_payment"}


def _whole(value) -> int:
    return int(Decimal(value or 0).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def lunch_duty_figure(*, agency_ids: Iterable[int], windows: Windows,
                      calendar_agency: Agency | None) -> dict:
    logged = LunchDuty.objects.logged().filter(agency_id__in=list(agency_ids),
                                               day__range=windows.year_to_date.as_range())
    cost = F("hours") * F("rate_ntd")
    aggregates = {}
    for prefix, condition in (("y_", Q()), ("q_", Q(day__gte=windows.quarter.start))):
        for purpose, field in PURPOSES.items():
            aggregates[f"{prefix}{purpose}"] = Sum(field, filter=condition)
        aggregates[f"{prefix}shifts"] = Count("pk", filter=condition)
        aggregates[f"{prefix}hours"] = Sum("hours", filter=condition)
        aggregates[f"{prefix}cost"] = Sum(
            cost, filter=condition, output_field=DecimalField(max_digits=14, decimal_places=1))
    sums = logged.aggregate(**aggregates)

    def figure(prefix: str) -> dict:
        by = {purpose: sums[f"{prefix}{purpose}"] or 0 for purpose in PURPOSES}
        return {"value": sum(by.values()), "by": by, "shifts": sums[f"{prefix}shifts"],
                "hours": sums[f"{prefix}hours"] or Decimal(0),
                "cost_ntd": _whole(sums[f"{prefix}cost"])}

    year = windows.end.year
    rate = LunchDutyRate.objects.filter(effective_from__lte=windows.end).order_by(
        "-effective_from").first()
    workdays = len(WorkCalendar(date(year, 1, 1), date(year, 12, 31), calendar_agency).workdays())
    hours_per_shift = rate.hours_per_shift if rate else None
    planned_hours = hours_per_shift * workdays if rate else None
    return figure("y_") | {
        "rate_ntd_per_hour": rate.ntd_per_hour if rate else None,
        "hours_per_shift": hours_per_shift,
        "workdays_in_year": workdays,
        "planned_hours_year": planned_hours,
        "planned_cost_year_ntd": _whole(planned_hours * rate.ntd_per_hour) if rate else None,
        "quarter": figure("q_"),
    }

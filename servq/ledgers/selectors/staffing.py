"""Stationed staff on a given day, by transferring agency."""

from collections.abc import Iterable

from django.db.models import Sum

from ..models import StationedStaff
from ..windows import Windows


def stationed_staff_figure(*, agency_ids: Iterable[int], windows: Windows) -> dict:
    """Headcount in post at the period's end (the quarter's value is the same day's)."""
    rows = (StationedStaff.objects.on(windows.end).filter(agency_id__in=list(agency_ids))
            .values("sending_agency__name", "sending_agency__sort_order")
            .annotate(n=Sum("headcount")).order_by("sending_agency__sort_order",
                                                   "sending_agency__name"))
    by = {row["sending_agency__name"]: row["n"] for row in rows}
    total = sum(by.values())
    return {"value": total, "total": total, "by": by, "as_of": windows.end,
            "quarter": {"value": total, "total": total, "by": dict(by)}}

"""Link check figures: what the last run in the period found."""

from collections.abc import Iterable
from datetime import datetime, time, timedelta

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from ..models import LinkCheckRun
from ..windows import Span, Windows


def _local_bounds(span: Span) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (timezone.make_aware(datetime.combine(span.start, time.min), tz),
            timezone.make_aware(datetime.combine(span.end + timedelta(days=1), time.min), tz))


def last_runs(*, agency_ids: Iterable[int], span: Span) -> list[LinkCheckRun]:
    """Each agency's last finished run within the span (one query, a window function)."""
    start, end = _local_bounds(span)
    return list(LinkCheckRun.objects
                .filter(agency_id__in=list(agency_ids), status=LinkCheckRun.Status.FINISHED,
                        finished_at__gte=start, finished_at__lt=end)
                .annotate(position=Window(RowNumber(), partition_by=[F("agency_id")],
                                          order_by=F("finished_at").desc()))
                .filter(position=1))


def _figure(runs: list[LinkCheckRun]) -> dict:
    checked = sum(run.checked for run in runs)
    return {"value": checked, "checked": checked, "healthy": sum(run.healthy for run in runs),
            "broken": sum(run.broken for run in runs),
            "checked_at": timezone.localtime(max(run.finished_at for run in runs))
            if runs else None}


def web_link_figure(*, agency_ids: Iterable[int], windows: Windows) -> dict:
    agency_ids = list(agency_ids)
    return _figure(last_runs(agency_ids=agency_ids, span=windows.year_to_date)) | {
        "quarter": _figure(last_runs(agency_ids=agency_ids, span=windows.quarter))}

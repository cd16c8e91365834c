"""The public site's figures for the report (namespace "portal").

download_forms      forms offered for download at the period's end (ODT and PDF each)
news_updates        news items published in the period (網站最新消息更新次數)
news_updates_ytd    the same, from 1 January to the period's end

The ledgers show the same count as `ledgers.web_updates` through news_update_counts.
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Q

from servq.reports.registry import ReportScope, provider

from .models import DownloadForm, NewsItem


def news_update_counts(agency_ids: Iterable[int], **spans: tuple[date, date]) -> dict[str, int]:
    """News items published in each named span (first, last day), in one query."""
    return NewsItem.objects.filter(agency_id__in=list(agency_ids)).aggregate(**{
        name: Count("id", filter=Q(published_on__range=span)) for name, span in spans.items()})


@provider("portal")
def portal_figures(scope: ReportScope) -> dict:
    period, ytd = scope.period, scope.year_to_date
    news = news_update_counts(scope.agency_ids, period=(period.start, period.end),
                              ytd=(ytd.start, ytd.end))
    forms = DownloadForm.objects.filter(agency_id__in=scope.agency_ids).offered_on(period.end)
    return {
        "download_forms": forms.count(),
        "news_updates": news["period"],
        "news_updates_ytd": news["ytd"],
    }

"""The public site's figures for the report (namespace "portal").

download_forms      forms offered for download at the period's end (ODT and PDF each)
news_updates        news items published in the period (網站最新消息更新次數)
news_updates_ytd    the same, from 1 January to the period's end
"""

from django.db.models import Count, Q

from servq.reports.registry import ReportScope, provider

from .models import DownloadForm, NewsItem


@provider("portal")
def portal_figures(scope: ReportScope) -> dict:
    period, ytd = scope.period, scope.year_to_date
    news = NewsItem.objects.filter(agency_id__in=scope.agency_ids).aggregate(
        period=Count("id", filter=Q(published_on__range=(period.start, period.end))),
        ytd=Count("id", filter=Q(published_on__range=(ytd.start, ytd.end))),
    )
    forms = DownloadForm.objects.filter(agency_id__in=scope.agency_ids).offered_on(period.end)
    return {
        "download_forms": forms.count(),
        "news_updates": news["period"],
        "news_updates_ytd": news["ytd"],
    }

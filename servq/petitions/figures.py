"""Report figures: `petitions` and `media` (computed in the database; same keys with no data).

petitions
  received / received_ytd          received in the period / in the year to date
  closed / closed_ytd              closed after a reply (not counting 存查不予處理)
  replied / replied_ytd            replied
  average_days / average_days_ytd  mean calendar days from receipt to reply over the petitions
                                   replied in the period / year to date (half-up, 1 decimal)
  overdue_open                     open (unanswered) and past due at the period's end
  closed_late_ytd                  closed in the year to date with a reply after the due date
  not_processed_ytd                registered without processing in the year to date
  by_channel_ytd, by_category_ytd  code -> petitions received in the year to date
media
  negative_news(_ytd), press_releases(_ytd), and the year's lists (date, outlet/title ...)
"""

from datetime import date

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum

from servq.core.numbers import mean
from servq.reports.registry import ReportScope, provider

from .models import Category, Channel, NewsReport, Petition, PressRelease


def _between(field: str, start: date, end: date) -> Q:
    return Q(**{f"{field}__gte": start, f"{field}__lte": end})


def _days(total) -> int:
    """A Sum of date differences: a timedelta (or None) on every database."""
    return total.days if total is not None else 0


@provider("petitions")
def petition_figures(scope: ReportScope) -> dict:
    period, ytd = scope.period, scope.year_to_date
    petitions = Petition.objects.for_agencies(scope.agency_ids)
    processed = ~Q(status=Petition.Status.NOT_PROCESSED)

    received = petitions.filter(_between("received_on", ytd.start, ytd.end)).aggregate(
        received=Count("pk", filter=_between("received_on", period.start, period.end)),
        received_ytd=Count("pk"),
    )
    closed = petitions.filter(_between("closed_on", ytd.start, ytd.end)).aggregate(
        closed=Count("pk", filter=processed & _between("closed_on", period.start, period.end)),
        closed_ytd=Count("pk", filter=processed),
        closed_late_ytd=Count("pk", filter=processed & Q(replied_on__gt=F("due_on"))),
        not_processed_ytd=Count("pk", filter=~processed),
    )
    took = ExpressionWrapper(F("replied_on") - F("received_on"), output_field=DurationField())
    in_period = _between("replied_on", period.start, period.end)
    replied = petitions.filter(_between("replied_on", ytd.start, ytd.end)).aggregate(
        replied=Count("pk", filter=in_period), replied_ytd=Count("pk"),
        days=Sum(took, filter=in_period), days_ytd=Sum(took),
    )
    end = period.end
    overdue_open = petitions.filter(received_on__lte=end, due_on__lt=end).filter(
        Q(replied_on__isnull=True) | Q(replied_on__gt=end),
        Q(closed_on__isnull=True) | Q(closed_on__gt=end),
    ).count()

    in_ytd = petitions.filter(_between("received_on", ytd.start, ytd.end))
    by_channel = dict.fromkeys(Channel.values, 0) | dict(
        in_ytd.values_list("channel").annotate(n=Count("pk")).order_by())
    category_codes = Category.objects.order_by("sort_order", "code").values_list("code", flat=True)
    by_category = dict.fromkeys(category_codes, 0) | dict(
        in_ytd.values_list("category__code").annotate(n=Count("pk")).order_by())
    return {
        "received": received["received"],
        "received_ytd": received["received_ytd"],
        "closed": closed["closed"],
        "closed_ytd": closed["closed_ytd"],
        "replied": replied["replied"],
        "replied_ytd": replied["replied_ytd"],
        "average_days": mean(_days(replied["days"]), replied["replied"]),
        "average_days_ytd": mean(_days(replied["days_ytd"]), replied["replied_ytd"]),
        "overdue_open": overdue_open,
        "closed_late_ytd": closed["closed_late_ytd"],
        "not_processed_ytd": closed["not_processed_ytd"],
        "by_channel_ytd": by_channel,
        "by_category_ytd": by_category,
    }


@provider("media")
def media_figures(scope: ReportScope) -> dict:
    period, ytd = scope.period, scope.year_to_date
    news = NewsReport.objects.filter(agency_id__in=scope.agency_ids,
                                     published_on__range=(ytd.start, ytd.end))
    releases = PressRelease.objects.filter(agency_id__in=scope.agency_ids,
                                           issued_on__range=(ytd.start, ytd.end))
    news_counts = news.aggregate(
        negative_news=Count("pk", filter=_between("published_on", period.start, period.end)),
        negative_news_ytd=Count("pk"))
    release_counts = releases.aggregate(
        press_releases=Count("pk", filter=_between("issued_on", period.start, period.end)),
        press_releases_ytd=Count("pk"))
    return news_counts | release_counts | {
        "negative_news_list_ytd": [
            {"date": row["published_on"], "outlet": row["outlet"], "subject": row["subject"],
             "response": row["response"]}
            for row in news.order_by("published_on", "pk").values(
                "published_on", "outlet", "subject", "response")],
        "press_release_list_ytd": [
            {"date": row["issued_on"], "title": row["title"]}
            for row in releases.order_by("issued_on", "pk").values("issued_on", "title")],
    }

"""Trainings and public-welfare activities: record lists for the report, and their totals.

The lists stay plain lists (`ledgers.trainings`, `ledgers.public_welfare`) because report
templates iterate and count them; the totals, year to date with the quarter's beside them,
are `ledgers.trainings_totals` and `ledgers.public_welfare_totals`.
"""

from collections.abc import Iterable

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, Sum

from ..models import PublicWelfareActivity, Training
from ..windows import Span, Windows


def training_list(*, agency_ids: Iterable[int], windows: Windows) -> list[dict]:
    trainings = (Training.objects
                 .filter(agency_id__in=list(agency_ids),
                         held_on__range=windows.year_to_date.as_range())
                 .select_related("agency").prefetch_related("invited_agencies")
                 .order_by("held_on", "pk"))
    return [{"date": t.held_on, "topic": t.topic, "speaker": t.speaker,
             "attendees": t.attendees, "hours": t.hours, "agency": t.agency.short_name,
             "invited": [a.short_name for a in t.invited_agencies.all()]}
            for t in trainings]


# A training's person-hours (人時): attendees × hours.
_PERSON_HOURS = ExpressionWrapper(F("attendees") * F("hours"),
                                  output_field=DecimalField(max_digits=12, decimal_places=1))


def _totals(queryset, *, spans: dict[str, Q], fields: dict) -> dict:
    """Count and sums of `fields` per span in one query: the year to date's at the top, the
    quarter's under `quarter`; `value` is the count. Sums of nothing are 0."""
    row = queryset.aggregate(**{
        f"{span}__{name}": Count("pk", filter=where) if name == "count"
        else Sum(fields[name], filter=where)
        for span, where in spans.items() for name in ("count", *fields)})
    figure = {span: {"value": row[f"{span}__count"]} | {
        name: row[f"{span}__{name}"] or 0 for name in ("count", *fields)} for span in spans}
    return figure["ytd"] | {"quarter": figure["quarter"]}


def training_totals(*, agency_ids: Iterable[int], windows: Windows) -> dict:
    """Trainings held, attendees, hours and person-hours, year to date and in the quarter."""
    spans = {name: Q(held_on__range=span.as_range())
             for name, span in (("ytd", windows.year_to_date), ("quarter", windows.quarter))}
    fields = {"attendees": F("attendees"), "hours": F("hours"), "person_hours": _PERSON_HOURS}
    return _totals(Training.objects.filter(agency_id__in=list(agency_ids)),
                   spans=spans, fields=fields)


def _overlapping(span: Span) -> Q:
    return Q(first_day__lte=span.end, last_day__gte=span.start)


def public_welfare_list(*, agency_ids: Iterable[int], windows: Windows) -> list[dict]:
    """Activities that took place (at least partly) in the year to date."""
    activities = (PublicWelfareActivity.objects
                  .filter(_overlapping(windows.year_to_date), agency_id__in=list(agency_ids))
                  .select_related("agency").order_by("first_day", "pk"))
    return [{"date": a.when, "first_day": a.first_day, "last_day": a.last_day, "title": a.title,
             "partner": a.partner, "participants": a.participants,
             "person_hours": a.person_hours, "donors": a.donors, "bags": a.bags, "cc": a.cc,
             "agency": a.agency.short_name}
            for a in activities]


def public_welfare_totals(*, agency_ids: Iterable[int], windows: Windows) -> dict:
    """Activities, participants, person-hours and the blood drives' donors, bags and c.c.,
    year to date and in the quarter. An activity over several months counts, whole, in every
    span it touches (as it is listed), since the records do not say how it was spread."""
    spans = {name: _overlapping(span)
             for name, span in (("ytd", windows.year_to_date), ("quarter", windows.quarter))}
    fields = {name: F(name) for name in ("participants", "person_hours", "donors", "bags", "cc")}
    return _totals(PublicWelfareActivity.objects.filter(agency_id__in=list(agency_ids)),
                   spans=spans, fields=fields)

"""Trainings and public-welfare activities as record lists for the report."""

from collections.abc import Iterable

from ..models import PublicWelfareActivity, Training
from ..windows import Windows


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


def public_welfare_list(*, agency_ids: Iterable[int], windows: Windows) -> list[dict]:
    """Activities that took place (at least partly) in the year to date."""
    ytd = windows.year_to_date
    activities = (PublicWelfareActivity.objects
                  .filter(agency_id__in=list(agency_ids), first_day__lte=ytd.end,
                          last_day__gte=ytd.start)
                  .select_related("agency").order_by("first_day", "pk"))
    return [{"date": a.when, "first_day": a.first_day, "last_day": a.last_day, "title": a.title,
             "partner": a.partner, "participants": a.participants,
             "person_hours": a.person_hours, "donors": a.donors, "bags": a.bags, "cc": a.cc,
             "agency": a.agency.short_name}
            for a in activities]

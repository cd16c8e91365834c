"""Lunchtime duty: the rotating roster over working days and the log of each shift."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from servq.core.audit import audit_record
from servq.core.models import Agency, StaffMember
from servq.core.workdays import WorkCalendar

from ..models import LunchDuty, LunchDutyRate
from ..rotation import rotate
from .records import assign_fields, audit_change


class NoRateConfigured(ValueError):
    pass


class RosterRefused(ValueError):
    pass


def rate_on(day: date) -> LunchDutyRate:
    rate = LunchDutyRate.objects.filter(effective_from__lte=day).order_by("-effective_from").first()
    if rate is None:
        raise NoRateConfigured(f"{day} 尚無午休輪值加班費率，請先於管理介面設定。")
    return rate


@transaction.atomic
def lunch_roster_generate(*, agency: Agency, first: date, last: date, staff: list[StaffMember],
                          per_day: int = 1, actor=None, request=None) -> int:
    """Assign `per_day` people to each working day in [first, last] that has fewer, taking
    turns in the order of `staff` and continuing after whoever was last on duty before.
    Days already staffed keep their people. Returns the number of shifts created."""
    staff = list(dict.fromkeys(staff))
    if per_day < 1:
        raise RosterRefused("每日輪值人數至少 1 人。")
    if per_day > len(staff):
        # nobody can be on duty twice in a day (and the table refuses it)
        raise RosterRefused(f"每日輪值人數（{per_day} 人）不能多於所選的輪值人員（{len(staff)} 人）。")
    if any(person.agency_id != agency.pk for person in staff):
        raise ValueError("the roster can only use the agency's own staff")
    days = WorkCalendar(first, last, agency).workdays()
    on_duty: dict[date, list[StaffMember]] = {}
    for shift in (LunchDuty.objects.filter(agency=agency, day__range=(first, last))
                  .select_related("staff_member").order_by("day", "pk")):
        on_duty.setdefault(shift.day, []).append(shift.staff_member)
    previous = (LunchDuty.objects.filter(agency=agency, day__lt=first, staff_member__in=staff)
                .order_by("-day", "-pk").select_related("staff_member").first())
    after = previous.staff_member if previous else None
    shifts = []
    for day in days:
        people = on_duty.get(day, [])
        needed = per_day - len(people)
        if needed > 0:
            # never whoever is already on that day; there are enough others since
            # per_day <= len(staff)
            added = rotate(staff, needed, after=after, skip=people)
            shifts.extend(LunchDuty(agency=agency, day=day, staff_member=person)
                          for person in added)
            people = people + added
        if people:
            after = people[-1]  # the turn passes on from whoever was last on duty
    LunchDuty.objects.bulk_create(shifts)
    audit_record(action="ledgers.lunchduty.roster", request=request, actor=actor, agency=agency,
                 detail={"first": first.isoformat(), "last": last.isoformat(),
                         "shifts": len(shifts)})
    return len(shifts)


@transaction.atomic
def lunch_duty_save(*, agency: Agency, instance: LunchDuty, data: dict, logged: bool = True,
                    actor=None, request=None) -> LunchDuty:
    """Plan a shift, or log it (logged=True): the hours default to one shift, and the rate in
    force that day is copied onto the record."""
    assign_fields(instance, data)
    instance.agency = agency
    if logged:
        rate = rate_on(instance.day)
        if instance.hours is None:
            instance.hours = rate.hours_per_shift
        instance.rate_ntd = rate.ntd_per_hour
        instance.logged_at = instance.logged_at or timezone.now()
        instance.logged_by = actor
    else:
        if instance.served_inquiry or instance.served_billing or instance.served_payment:
            raise ValueError("a shift not yet logged has served nobody")
        instance.hours = instance.rate_ntd = instance.logged_at = instance.logged_by = None
    created = instance._state.adding
    instance.save()
    audit_change("create" if created else "update", instance=instance, agency=agency,
                 actor=actor, request=request)
    return instance

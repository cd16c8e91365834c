"""Facility inspections: the weekly rota and the inspections themselves."""

from datetime import date, timedelta

from django.db import transaction

from servq.core.audit import audit_record
from servq.core.models import Agency, StaffMember

from ..models import Facility, FacilityInspection, InspectionRota
from ..rotation import rotate
from .records import assign_fields, audit_change


@transaction.atomic
def inspection_rota_generate(*, agency: Agency, first_week: date, weeks: int,
                             inspectors: list[StaffMember], actor=None, request=None) -> int:
    """One inspector per week from the Monday of `first_week`, in turn, continuing after the
    last inspector on the rota; weeks already on the rota are kept. Returns weeks added."""
    if any(person.agency_id != agency.pk for person in inspectors):
        raise ValueError("the rota can only use the agency's own staff")
    monday = first_week - timedelta(days=first_week.weekday())
    mondays = [monday + timedelta(weeks=n) for n in range(weeks)]
    taken = dict(InspectionRota.objects.filter(agency=agency, week_start__in=mondays)
                 .values_list("week_start", "inspector"))
    people = {person.pk: person for person in inspectors}
    previous = (InspectionRota.objects.filter(agency=agency, week_start__lt=monday,
                                              inspector__in=inspectors)
                .order_by("-week_start").select_related("inspector").first())
    after = previous.inspector if previous else None
    added = []
    for week in mondays:
        if week in taken:
            after = people.get(taken[week], after)  # the turn passes on from that week's person
            continue
        after = rotate(inspectors, 1, after=after)[0]
        added.append(InspectionRota(agency=agency, week_start=week, inspector=after))
    InspectionRota.objects.bulk_create(added)
    audit_record(action="ledgers.inspectionrota.generate", request=request, actor=actor,
                 agency=agency, detail={"from": monday.isoformat(), "weeks": len(added)})
    return len(added)


@transaction.atomic
def facility_inspection_save(*, agency: Agency, instance: FacilityInspection, data: dict,
                             actor=None, request=None) -> FacilityInspection:
    """The inspection covers the whole checklist in use that day."""
    assign_fields(instance, data)
    instance.agency = agency
    created = instance._state.adding
    if created:
        instance.facilities_checked = Facility.objects.filter(agency=agency,
                                                              is_active=True).count()
        instance.recorded_by = actor
    instance.save()
    audit_change("create" if created else "update", instance=instance, agency=agency,
                 actor=actor, request=request)
    return instance

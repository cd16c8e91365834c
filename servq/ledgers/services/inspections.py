"""Facility inspections: the weekly rota and the inspections themselves."""

from datetime import date, timedelta

from django.db import transaction

from servq.core.audit import audit_record
from servq.core.models import Agency, StaffMember
from servq.core.roc_dates import roc_date

from ..models import Facility, FacilityInspection, InspectionFinding, InspectionRota
from ..rotation import rotate
from .records import assign_fields, audit_change, record_save


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


def unchecked_facility_error(inspection: FacilityInspection, facility: Facility) -> str | None:
    """Why a finding of `inspection` cannot name `facility`: only a facility it checked can have
    a defect found on it (None when it can)."""
    if inspection.facilities.filter(pk=facility.pk).exists():
        return None
    return (f"{roc_date(inspection.inspected_on)}的巡查未勾選「{facility.name}」，不能登錄此設施的缺失；"
            "請先修改該次巡查的檢查項目，或選擇已檢查的設施。")


def _locked(agency: Agency, pk: int) -> FacilityInspection:
    """The inspection, locked: a checklist and the findings checked against it change one at a
    time."""
    try:
        return FacilityInspection.objects.select_for_update().get(agency=agency, pk=pk)
    except FacilityInspection.DoesNotExist:
        raise ValueError("找不到這次巡查。") from None


@transaction.atomic
def facility_inspection_save(*, agency: Agency, instance: FacilityInspection, data: dict,
                             actor=None, request=None) -> FacilityInspection:
    """Record an inspection and the facilities it checked (`data["facilities"]`). Without that
    key a new inspection covers the agency's whole checklist in use and a correction keeps its
    checklist. A facility with a finding of this inspection cannot be unchecked."""
    data = dict(data)
    facilities = data.pop("facilities", None)
    created = instance._state.adding
    if not created:
        _locked(agency, instance.pk)
    assign_fields(instance, data)
    instance.agency = agency
    if facilities is None and created:
        facilities = Facility.objects.filter(agency=agency, is_active=True)
    if facilities is not None:
        facilities = list(facilities)
        if not facilities:
            raise ValueError("請至少勾選一項巡查的設施（設施清單於管理介面維護）。")
        if any(facility.agency_id != agency.pk for facility in facilities):
            raise ValueError("只能勾選本機關的設施。")
    if facilities is not None and not created:
        dropped = sorted({finding.facility.name for finding in InspectionFinding.objects
                          .filter(inspection=instance)
                          .exclude(facility__in=facilities).select_related("facility")})
        if dropped:
            raise ValueError(f"「{'、'.join(dropped)}」已登錄本次巡查的缺失，不能取消勾選；"
                             "請先修改或刪除該缺失。")
    if created:
        instance.recorded_by = actor
    instance.save()
    if facilities is not None:
        instance.facilities.set(facilities)
    audit_change("create" if created else "update", instance=instance, agency=agency,
                 actor=actor, request=request)
    return instance


@transaction.atomic
def inspection_finding_save(*, agency: Agency, instance: InspectionFinding, data: dict,
                            actor=None, request=None) -> InspectionFinding:
    """Record or correct a defect; it must name a facility its inspection checked."""
    inspection = data.get("inspection") or instance.inspection
    facility = data.get("facility") or instance.facility
    problem = unchecked_facility_error(_locked(agency, inspection.pk), facility)
    if problem:
        raise ValueError(problem)
    return record_save(agency=agency, instance=instance, data=data, actor=actor, request=request)

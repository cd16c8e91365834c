"""Facility inspections: counts of inspections, facilities checked and defects, and the records
for the report and the staff list."""

from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q, QuerySet

from ..models import FacilityInspection, InspectionFinding
from ..windows import Span, Windows


def with_checklist(inspections: QuerySet) -> QuerySet:
    """Each inspection with `checked_count` (facilities ticked) and its findings (and their
    facilities) prefetched."""
    findings = InspectionFinding.objects.select_related("facility").order_by("pk")
    return (inspections.annotate(checked_count=Count("facilities", distinct=True))
            .prefetch_related(Prefetch("findings", queryset=findings)))


def _counts(agency_ids: list[int], span: Span, end) -> dict:
    totals = FacilityInspection.objects.filter(
        agency_id__in=agency_ids, inspected_on__range=span.as_range()).aggregate(
        inspections=Count("pk", distinct=True), facilities_checked=Count("facilities"))
    inspections = totals["inspections"]
    found_in_span = Q(inspection__inspected_on__range=span.as_range())
    findings = InspectionFinding.objects.filter(inspection__agency_id__in=agency_ids).aggregate(
        defects=Count("pk", filter=found_in_span),
        repairs_requested=Count("pk", filter=Q(repair_requested_on__range=span.as_range())),
        fixed=Count("pk", filter=Q(fixed_on__range=span.as_range())),
        open=Count("pk", filter=Q(inspection__inspected_on__lte=end)
                   & (Q(fixed_on__isnull=True) | Q(fixed_on__gt=end))),
    )
    return {"value": inspections, "inspections": inspections,
            "facilities_checked": totals["facilities_checked"], **findings}


def inspection_figure(*, agency_ids: Iterable[int], windows: Windows) -> dict:
    agency_ids = list(agency_ids)
    ytd = windows.year_to_date
    inspections = with_checklist(
        FacilityInspection.objects.filter(agency_id__in=agency_ids,
                                          inspected_on__range=ytd.as_range())
        .select_related("inspector").order_by("inspected_on", "pk"))
    records = [{"date": i.inspected_on, "inspector": i.inspector.name,
                "facilities_checked": i.checked_count,
                "defects": [{"facility": f.facility.name, "defect": f.defect,
                             "repair_requested_on": f.repair_requested_on,
                             "fixed_on": f.fixed_on} for f in i.findings.all()]}
               for i in inspections]
    return _counts(agency_ids, ytd, windows.end) | {
        "records": records, "quarter": _counts(agency_ids, windows.quarter, windows.end)}

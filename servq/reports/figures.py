"""Figures about the organisation itself (namespace `org`), from core's records: its units,
its staff roster and its office calendar. The seed's 「本分署現有15股」 is `org.sections`."""

from datetime import date

from django.db.models import Count, Q

from servq.core.models import StaffMember, Unit
from servq.core.workdays import WorkCalendar

from .registry import ReportScope, provider


@provider("org")
def organisation_figures(scope: ReportScope) -> dict:
    units = Unit.objects.filter(agency_id__in=scope.agency_ids, is_active=True).aggregate(
        sections=Count("pk", filter=Q(kind=Unit.Kind.SECTION)),
        divisions=Count("pk", filter=Q(kind=Unit.Kind.DIVISION)),
        offices=Count("pk", filter=Q(kind=Unit.Kind.OFFICE)),
    )
    staff = StaffMember.objects.filter(agency_id__in=scope.agency_ids, is_active=True).aggregate(
        staff=Count("pk"),
        enforcement_staff=Count("pk", filter=Q(is_enforcement_officer=True)),
    )
    # One calendar query for the whole year; the agency's own closures count for a branch.
    year = scope.period.end.year
    calendar = WorkCalendar(date(year, 1, 1), date(year, 12, 31),
                            None if scope.consolidated else scope.agency)
    workdays = calendar.workdays()
    ytd = scope.year_to_date
    return {
        **units,
        **staff,
        "workdays": sum(1 for day in workdays if scope.period.start <= day <= scope.period.end),
        "workdays_ytd": sum(1 for day in workdays if ytd.start <= day <= ytd.end),
        "workdays_year": len(workdays),
    }

"""Reads: inboxes, search, the overdue list, a petition's timeline, and what other apps use.

Every list starts from core.access.petitions_for_user (what this user may see).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from servq.core import access
from servq.core.models import Agency, Membership, Unit

from .models import ContactMethod, Petition, PetitionEvent

DUE_SOON_DAYS = 3


@dataclass(frozen=True)
class PetitionSearch:
    box: str = "all"  # all | mine | unit | unassigned | open
    number: str = ""
    name: str = ""  # petitioner's name: only for readers of personal data
    received_from: date | None = None
    received_to: date | None = None
    category_id: int | None = None
    channel: str = ""
    status: str = ""


def timely_call():
    """A phone call to the petitioner recorded on or before the due date (the seed's rule)."""
    return Exists(PetitionEvent.objects.filter(
        petition=OuterRef("pk"), kind=PetitionEvent.Kind.CONTACTED, method=ContactMethod.PHONE,
        happened_on__lte=OuterRef("due_on")))


def has_timely_call(petition: Petition) -> bool:
    return Petition.objects.filter(pk=petition.pk).annotate(called=timely_call()) \
        .values_list("called", flat=True).get()


def user_units(user, agency: Agency) -> list[int]:
    return list(Membership.objects.active().filter(user=user, agency=agency, unit__isnull=False)
                .values_list("unit_id", flat=True))


def petition_list(*, user, agency: Agency, search: PetitionSearch = PetitionSearch()) -> QuerySet:
    petitions = access.petitions_for_user(user, agency).select_related(
        "category", "assigned_unit", "assigned_user")
    if search.box == "mine":
        petitions = petitions.filter(assigned_user=user)
    elif search.box == "unit":
        petitions = petitions.filter(assigned_unit_id__in=user_units(user, agency))
    elif search.box == "unassigned":
        petitions = petitions.filter(assigned_unit__isnull=True).open()
    elif search.box == "open":
        petitions = petitions.open()
    if search.number:
        petitions = petitions.filter(number__icontains=search.number.strip())
    if search.name and access.has_perm(user, access.Perm.PETITION_VIEW_PERSONAL, agency):
        petitions = petitions.filter(petitioner_name__contains=search.name.strip())
    if search.received_from:
        petitions = petitions.filter(received_on__gte=search.received_from)
    if search.received_to:
        petitions = petitions.filter(received_on__lte=search.received_to)
    if search.category_id:
        petitions = petitions.filter(category_id=search.category_id)
    if search.channel:
        petitions = petitions.filter(channel=search.channel)
    if search.status:
        petitions = petitions.filter(status=search.status)
    return petitions.annotate(has_timely_call=timely_call()).order_by("-received_on", "-serial")


def dashboard_counts(*, user, agency: Agency, on: date) -> dict[str, int]:
    """Open, unassigned, due within a few days, overdue, and overdue without a timely call
    (one query over the open petitions only)."""
    overdue = Q(due_on__lt=on)
    return access.petitions_for_user(user, agency).open().annotate(called=timely_call()) \
        .aggregate(
            open=Count("pk"),
            unassigned=Count("pk", filter=Q(assigned_unit__isnull=True)),
            due_soon=Count("pk", filter=Q(due_on__gte=on,
                                          due_on__lte=on + timedelta(days=DUE_SOON_DAYS))),
            overdue=Count("pk", filter=overdue),
            overdue_without_call=Count("pk", filter=overdue & Q(called=False)),
        )


def overdue_list(*, user, agency: Agency, on: date) -> QuerySet:
    return (access.petitions_for_user(user, agency).overdue(on=on)
            .select_related("category", "assigned_unit", "assigned_user")
            .annotate(has_timely_call=timely_call()).order_by("due_on", "serial"))


def petition_timeline(petition: Petition) -> QuerySet:
    return petition.events.select_related("actor", "to_unit", "to_user", "approved_by")


def assignable_units(agency: Agency) -> QuerySet:
    return Unit.objects.filter(agency=agency, is_active=True).order_by("sort_order", "code")


def users_with_roles(agency: Agency, roles) -> QuerySet:
    ids = Membership.objects.active().filter(agency=agency, role__in=roles) \
        .values_list("user_id", flat=True)
    return get_user_model().objects.filter(pk__in=ids).order_by("username")


@dataclass(frozen=True)
class AttitudeComplaint:
    petition_id: int
    number: str
    received_on: date
    subject: str
    officer_id: int | None
    officer_name: str


def attitude_complaints(*, agency: Agency, start: date, end: date) -> list[AttitudeComplaint]:
    """Petitions referred to the execution-attitude committee, received in [start, end]:
    for the monthly attitude reviews (ledgers)."""
    rows = (Petition.objects.filter(agency=agency, referred_to_committee=True,
                                    received_on__range=(start, end))
            .order_by("received_on", "serial")
            .values_list("pk", "number", "received_on", "subject", "complained_officer_id",
                         "complained_officer__name"))
    return [AttitudeComplaint(pk, number, received, subject, officer_id, officer_name or "")
            for pk, number, received, subject, officer_id, officer_name in rows]

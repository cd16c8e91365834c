"""Mail about petitions. Staff mail names the case number, category and dates only: never
the petitioner, never the content, never an ethics-mailbox reporter."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from servq.core.access import ROLE_PERMISSIONS, Perm
from servq.core.models import Membership
from servq.core.roles import Role

from .models import Petition

HANDLER_ROLES = [role for role, perms in ROLE_PERMISSIONS.items() if Perm.PETITION_HANDLE in perms]


def absolute(path: str, request=None) -> str:
    """A link for a mail: from the request when there is one, else SERVQ_SITE_URL + path."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SERVQ_SITE_URL.rstrip("/") + path


def tracking_path(petition: Petition) -> str:
    """The tracking page in the active language (the receipt is written in the language of
    the page the petition was sent from)."""
    return reverse("portal:petitions_public:track", kwargs={"agency": petition.agency.code})


def staff_path(petition: Petition) -> str:
    return reverse("petitions:detail", kwargs={"agency": petition.agency.code, "pk": petition.pk})


def staff_recipients(petition: Petition, *, with_secretariat: bool = False) -> list[str]:
    """The assignee; else the assigned unit's handlers; plus the secretariat (研考) if asked."""
    users = set()
    if petition.assigned_user_id and petition.assigned_user.email:
        users.add(petition.assigned_user.email)
    elif petition.assigned_unit_id:
        users.update(Membership.objects.active().filter(
            agency_id=petition.agency_id, unit_id=petition.assigned_unit_id,
            role__in=HANDLER_ROLES,
        ).exclude(user__email="").values_list("user__email", flat=True))
    if with_secretariat:
        users.update(Membership.objects.active().filter(
            agency_id=petition.agency_id, role=Role.SECRETARIAT,
        ).exclude(user__email="").values_list("user__email", flat=True))
    return sorted(users)


def _send(template: str, context: dict, to: list[str], connection=None) -> int:
    if not to:
        return 0
    text = render_to_string(f"petitions/mail/{template}.txt", context).strip()
    subject, _, body = text.partition("\n")
    message = EmailMessage(subject.strip(), body.strip() + "\n",
                           settings.DEFAULT_FROM_EMAIL, to, connection=connection)
    return message.send()


def send_receipt(petition: Petition, *, to: str, tracking_code: str, request=None) -> int:
    """To the petitioner (or reporter): the case number and tracking code, nothing else."""
    return _send("receipt", {
        "petition": petition, "agency": petition.agency, "tracking_code": tracking_code,
        "tracking_url": absolute(tracking_path(petition), request),
    }, [to])


def send_assignment_notice(petition: Petition, request=None) -> int:
    return _send("assigned", {
        "petition": petition, "url": absolute(staff_path(petition), request),
    }, staff_recipients(petition))


def send_reminder(petition: Petition, *, kind: str, connection=None) -> int:
    """The number of recipients mailed (0: nobody with an address)."""
    to = staff_recipients(petition, with_secretariat=(kind == "overdue"))
    if not to:  # nobody handles it yet: the secretariat (研考), who assigns petitions
        to = staff_recipients(petition, with_secretariat=True)
    sent = _send(f"reminder_{kind}", {
        "petition": petition, "url": absolute(staff_path(petition)),
    }, to, connection)
    return len(to) if sent else 0

"""A whistleblower's identity (公益揭弊者保護法 §15: leaking it is a crime).

Whether a report is protected depends on what it is, not how it came: the ethics mailbox, the
ethics category (廉政檢舉) by any channel, or a report staff or the API mark as one. The
identity is written once, at receipt, into ReporterIdentity and read only here: by a user
holding PETITION_VIEW_WHISTLEBLOWER in the petition's agency (the ethics office), with a
stated reason, each reading leaving an audit record. Nothing else in servq reads that table.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.views.decorators.debug import sensitive_variables

from servq.core.access import can_reveal_reporter
from servq.core.audit import audit_record

from .models import ETHICS_CATEGORY, Category, Channel, Petition, ReporterIdentity

MIN_REASON_LENGTH = 6


@dataclass(frozen=True)
class ReporterView:
    name: str
    email: str
    phone: str
    address: str


def reporter_protected(*, channel: str, category: Category, flagged: bool) -> bool:
    """Whether a new petition's reporter is kept apart (decided once, at receipt)."""
    return flagged or channel == Channel.ETHICS_MAILBOX or category.code == ETHICS_CATEGORY


@sensitive_variables("name", "email", "phone", "address")
def reporter_identity_store(*, petition: Petition, name: str, email: str, phone: str,
                            address: str) -> None:
    if any([name, email, phone, address]):
        ReporterIdentity.objects.create(petition=petition, name=name, email=email, phone=phone,
                                        address=address)


@sensitive_variables("identity")
@transaction.atomic
def reporter_identity_reveal(*, petition: Petition, user, reason: str,
                             request=None) -> ReporterView | None:
    """The reporter's identity (None if the report was anonymous); audited."""
    if not can_reveal_reporter(user, petition):
        raise PermissionDenied("只有政風室得查閱檢舉人身分。")
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(f"請敘明查閱檢舉人身分的理由（至少 {MIN_REASON_LENGTH} 個字）。")
    audit_record(action="petition.reporter_reveal", actor=user, request=request,
                 agency=petition.agency, target=petition, reason=reason)
    identity = ReporterIdentity.objects.filter(petition=petition).first()
    if identity is None:
        return None
    return ReporterView(identity.name, identity.email, identity.phone, identity.address)

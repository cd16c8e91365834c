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

from servq.core.access import Perm, can_reveal_reporter, has_perm
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


@sensitive_variables("reason")
@transaction.atomic
def petition_mark_whistleblower(*, petition: Petition, actor, reason: str,
                                request=None) -> None:
    """The ethics office makes a petition that came another way a whistleblower report, after
    receipt: its petitioner moves into ReporterIdentity and off the petition row, its files
    lose their own names; audited. Copies made before (mail, exports) cannot be called back."""
    if not has_perm(actor, Perm.PETITION_VIEW_WHISTLEBLOWER, petition.agency):
        raise PermissionDenied("只有政風室得將陳情案件改列為公益揭弊檢舉。")
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    if petition.is_whistleblower_report:
        raise ValidationError("本案已是公益揭弊檢舉。")
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": f"請敘明改列的理由（至少 {MIN_REASON_LENGTH} 個字）。"})
    reporter_identity_store(petition=petition, name=petition.petitioner_name,
                            email=petition.petitioner_email, phone=petition.petitioner_phone,
                            address=petition.petitioner_address)
    petition.petitioner_name = petition.petitioner_email = ""
    petition.petitioner_phone = petition.petitioner_address = ""
    petition.is_whistleblower_report = True
    petition.save(update_fields=["petitioner_name", "petitioner_email", "petitioner_phone",
                                 "petitioner_address", "is_whistleblower_report"])
    petition.attachments.update(original_name="")
    audit_record(action="petition.whistleblower_mark", actor=actor, request=request,
                 agency=petition.agency, target=petition, reason=reason)

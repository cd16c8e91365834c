"""The petitioner's personal data as each reader may see it: whole (and audited) for roles
with PETITION_VIEW_PERSONAL, masked for everyone else. Attachments count as personal data:
their own file names and their content (core.access.can_open_attachments)."""

from dataclasses import dataclass

from servq.core.access import can_open_attachments, can_view_personal
from servq.core.audit import audit_record

from .models import Petition


def mask_name(name: str) -> str:
    """王小明 -> 王○明, 王明 -> 王○."""
    if not name:
        return ""
    if len(name) <= 2:
        return name[0] + "○"
    return name[0] + "○" * (len(name) - 2) + name[-1]


def mask_email(email: str) -> str:
    if "@" not in email:
        return "○" * len(email)
    local, domain = email.split("@", 1)
    return f"{local[:1]}○○○@{domain}"


def mask_phone(phone: str) -> str:
    digits = [ch for ch in phone if ch.isdigit()]
    if len(digits) <= 3:
        return "○" * len(phone)
    return "○" * (len(digits) - 3) + "".join(digits[-3:])


def mask_address(address: str) -> str:
    return address[:3] + "○○○" if address else ""


@dataclass(frozen=True)
class PetitionerView:
    name: str
    email: str
    phone: str
    address: str
    masked: bool
    anonymous: bool


def masked_petitioner(petition: Petition) -> PetitionerView:
    return PetitionerView(
        name=mask_name(petition.petitioner_name), email=mask_email(petition.petitioner_email),
        phone=mask_phone(petition.petitioner_phone),
        address=mask_address(petition.petitioner_address),
        masked=True, anonymous=petition.is_anonymous,
    )


def _unmasked(petition: Petition) -> PetitionerView:
    return PetitionerView(
        name=petition.petitioner_name, email=petition.petitioner_email,
        phone=petition.petitioner_phone, address=petition.petitioner_address,
        masked=False, anonymous=petition.is_anonymous,
    )


@dataclass(frozen=True)
class AttachmentView:
    pk: int
    name: str  # the original file name for readers of personal data, else the neutral one
    kind: str
    size: int


@dataclass(frozen=True)
class PersonalData:
    petitioner: PetitionerView | None  # None for a whistleblower report (never shown here)
    attachments: list[AttachmentView]
    attachments_open: bool  # whether this user may download them


def personal_data_for(user, petition: Petition, *, request=None) -> PersonalData:
    """What this user may see of the petitioner and the files; audited (once) when anything
    personal is shown unmasked."""
    personal = can_view_personal(user, petition)
    files = list(petition.attachments.all())
    if petition.is_whistleblower_report:
        petitioner = None
    else:
        petitioner = _unmasked(petition) if personal else masked_petitioner(petition)
    shown_names = personal and any(item.original_name for item in files)
    shown_petitioner = petitioner is not None and not petitioner.masked and any(
        [petitioner.name, petitioner.email, petitioner.phone, petitioner.address])
    if shown_names or shown_petitioner:
        audit_record(action="petition.personal_view", actor=user, request=request,
                     agency=petition.agency, target=petition)
    return PersonalData(
        petitioner=petitioner,
        attachments=[AttachmentView(item.pk, (personal and item.original_name) or item.name,
                                    item.get_kind_display(), item.size) for item in files],
        attachments_open=can_open_attachments(user, petition),
    )


def attachment_download_name(user, petition: Petition, attachment) -> str:
    return (can_view_personal(user, petition) and attachment.original_name) or attachment.name

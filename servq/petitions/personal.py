"""The petitioner's personal data as each reader may see it: whole (and audited) for roles
with PETITION_VIEW_PERSONAL, masked for everyone else."""

from dataclasses import dataclass

from servq.core.access import can_view_personal
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


def petitioner_for(user, petition: Petition, *, request=None) -> PetitionerView:
    """What this user may see of the petitioner; an unmasked view is audited."""
    if not can_view_personal(user, petition):
        return masked_petitioner(petition)
    has_data = any([petition.petitioner_name, petition.petitioner_email,
                    petition.petitioner_phone, petition.petitioner_address])
    if has_data:
        audit_record(action="petition.personal_view", actor=user, request=request,
                     agency=petition.agency, target=petition)
    return PetitionerView(
        name=petition.petitioner_name, email=petition.petitioner_email,
        phone=petition.petitioner_phone, address=petition.petitioner_address,
        masked=False, anonymous=petition.is_anonymous,
    )

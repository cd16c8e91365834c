"""Granting, changing and withdrawing roles (Membership rows): each audited, and never to
oneself, so that no one, an administrator included, gives themselves a role (the ethics
office's, say) without a second person and a trace."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .audit import audit_record
from .models import Membership

SELF_GRANT = "不能授予或變更自己的角色，請由另一位管理者辦理。"


def _describe(membership: Membership) -> dict:
    return {"user": membership.user.get_username(), "role": membership.role,
            "unit": membership.unit.code if membership.unit_id else None,
            "is_active": membership.is_active}


def membership_check_grant(*, membership: Membership, actor) -> None:
    """ValidationError if `actor` would grant or change a role of their own."""
    if actor is not None and membership.user_id == actor.pk:
        raise ValidationError(SELF_GRANT, code="self_grant")


@transaction.atomic
def membership_save(*, membership: Membership, actor, request=None) -> Membership:
    membership_check_grant(membership=membership, actor=actor)
    before = None
    if membership.pk is not None:
        earlier = Membership.objects.select_related("user", "unit").filter(pk=membership.pk).first()
        before = _describe(earlier) if earlier else None
    membership.save()
    detail = _describe(membership) | ({"before": before} if before else {})
    audit_record(action="core.membership_change" if before else "core.membership_create",
                 actor=actor, request=request, agency=membership.agency, target=membership,
                 detail=detail)
    return membership


@transaction.atomic
def membership_delete(*, membership: Membership, actor, request=None) -> None:
    """Withdrawing a role (one's own too: that only takes rights away)."""
    audit_record(action="core.membership_delete", actor=actor, request=request,
                 agency=membership.agency, target=membership, detail=_describe(membership))
    membership.delete()

"""The audit trail. Every read of personal data and every sensitive change calls audit_record."""

from django.conf import settings
from django.db import models

from .access import Perm, has_perm
from .models import Agency, AuditEvent

# Actions whose stated reason only holders of a permission may read: why the ethics office
# looked up a whistleblower, or why it made a petition a whistleblower report, can itself point
# at the whistleblower.
RESTRICTED_REASONS = {
    "petition.reporter_reveal": Perm.PETITION_VIEW_WHISTLEBLOWER,
    "petition.whistleblower_mark": Perm.PETITION_VIEW_WHISTLEBLOWER,
}


def client_ip(request) -> str | None:
    """The client's address; X-Forwarded-For is believed only for the configured proxy hops."""
    if request is None:
        return None
    hops = settings.SERVQ_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            return chain[-hops]
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: str,
    actor=None,
    request=None,
    agency: Agency | None = None,
    target: models.Model | None = None,
    reason: str = "",
    detail: dict | None = None,
) -> AuditEvent:
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        action=action,
        agency=agency,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        ip_address=client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request else ""),
        reason=reason,
        detail=detail or {},
    )


def reason_for(user, event: AuditEvent) -> str | None:
    """The event's reason as `user` may read it; None when it is withheld from them (the
    event itself, its time and actor, stay visible)."""
    perm = RESTRICTED_REASONS.get(event.action)
    if perm is None:
        return event.reason
    if user is None or event.agency is None or not has_perm(user, perm, event.agency):
        return None
    return event.reason

"""Logins and failed logins go to the audit trail (auth signals are the only hook Django offers).

A failed login names the agency of the user it was for (when that user exists), so the
agency's audit page shows attempts on its staff. Nothing typed but the username is kept.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from .audit import audit_record
from .models import Agency, Membership


def agency_of_username(username: str) -> Agency | None:
    """The agency of the user's first membership (active ones first), if the user exists:
    attempts on a disabled account interest its agency too."""
    if not username:
        return None
    field = get_user_model().USERNAME_FIELD
    membership = Membership.objects.filter(**{f"user__{field}": username}) \
        .select_related("agency").order_by("-is_active", "pk").first()
    return membership.agency if membership else None


@receiver(user_logged_in, dispatch_uid="servq_audit_login")
def _record_login(sender, request, user, **kwargs):
    audit_record(action="auth.login", actor=user, request=request)


@receiver(user_login_failed, dispatch_uid="servq_audit_login_failed")
def _record_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    audit_record(action="auth.login_failed", request=request,
                 agency=agency_of_username(username), detail={"username": username})

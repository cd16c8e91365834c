"""Logins and failed logins go to the audit trail (auth signals are the only hook Django offers)."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from .audit import audit_record


@receiver(user_logged_in, dispatch_uid="servq_audit_login")
def _record_login(sender, request, user, **kwargs):
    audit_record(action="auth.login", actor=user, request=request)


@receiver(user_login_failed, dispatch_uid="servq_audit_login_failed")
def _record_login_failed(sender, credentials, request=None, **kwargs):
    audit_record(
        action="auth.login_failed", request=request,
        detail={"username": str(credentials.get("username", ""))[:150]},
    )

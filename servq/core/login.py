"""Staff login, on the site and in the admin, with failed attempts throttled.

Failed attempts are counted per username and per client address (core.ratelimit, shared by
every worker process). Past either limit every attempt is refused, right password or not,
until the window ends, without asking the password backend: a guess is never confirmed
during a lockout. Refusals are audited (auth.login_throttled) like failed logins, with the
agency of the user named, and without anything typed but the username.
"""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm

from . import ratelimit
from .audit import audit_record, client_ip
from .auth_audit import agency_of_username

PER_USERNAME = dict(limit=5, window=15 * 60)
PER_ADDRESS = dict(limit=20, window=15 * 60)


class ThrottledLoginMixin:
    """For an AuthenticationForm: count failures, refuse past the limits."""

    throttled_message = "登入失敗次數過多，為保護帳號暫停受理，請於 %(minutes)d 分鐘後再試。"

    def _counters(self, username: str) -> list[tuple[str, dict]]:
        counters = [(f"auth.login.ip:{client_ip(self.request) or ''}", PER_ADDRESS)]
        if username:
            counters.append((f"auth.login.user:{username.casefold()}", PER_USERNAME))
        return counters

    def clean(self):
        username = (self.cleaned_data.get("username") or "")[:150]
        counters = self._counters(username)
        refused = [v for v in (ratelimit.peek(key, **limits) for key, limits in counters)
                   if not v.allowed]
        if refused:
            audit_record(action="auth.login_throttled", request=self.request,
                         agency=agency_of_username(username), detail={"username": username})
            wait = ratelimit.minutes_to_wait(max(v.retry_after for v in refused))
            raise forms.ValidationError(self.throttled_message, params={"minutes": wait},
                                        code="throttled")
        try:
            return super().clean()
        except forms.ValidationError:
            for key, limits in counters:
                ratelimit.hit(key, **limits)
            raise


class StaffAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class AdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass

"""Deployment checks (`python manage.py check --deploy`): warn when a production settings
file leaves out what servq needs in front of the public. Each hint names the environment
variable to set (README, Settings)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def production_settings(app_configs, **kwargs) -> list[Warning]:
    if settings.DEBUG:
        return []
    warnings = []
    if not settings.SECURE_HSTS_SECONDS:
        warnings.append(Warning(
            "HSTS is off: browsers may still reach servq over plain HTTP.",
            hint="Set SECURE_HSTS_SECONDS (e.g. 31536000) once HTTPS works.", id="servq.W001"))
    if not settings.SECURE_SSL_REDIRECT:
        warnings.append(Warning(
            "Plain HTTP requests are not redirected to HTTPS.",
            hint="Set SECURE_SSL_REDIRECT=1 (or redirect at the reverse proxy and say so here).",
            id="servq.W002"))
    if not (settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE):
        warnings.append(Warning(
            "Session and CSRF cookies may travel over plain HTTP.",
            hint="Leave SECURE_COOKIES unset or set it to 1.", id="servq.W003"))
    if settings.SECURE_PROXY_SSL_HEADER and not settings.SERVQ_TRUSTED_PROXY_COUNT:
        warnings.append(Warning(
            "servq runs behind a proxy but trusts no X-Forwarded-For hop: the audit trail and "
            "the rate limits see every client as the proxy.",
            hint="Set SERVQ_TRUSTED_PROXY_COUNT to the number of proxies in front of servq.",
            id="servq.W004"))
    if settings.SERVQ_LINKCHECK_ALLOWED_NETWORKS:
        warnings.append(Warning(
            "The link checker may reach internal networks: "
            + ", ".join(settings.SERVQ_LINKCHECK_ALLOWED_NETWORKS),
            hint="Leave SERVQ_LINKCHECK_ALLOWED_NETWORKS empty in production.",
            id="servq.W005"))
    return warnings

"""API keys: `sq_<prefix>_<secret>`. The prefix finds the row; the secret's SHA-256 is compared
in constant time (the secret is 240 random bits, so a fast hash is enough)."""

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from servq.core.audit import audit_record
from servq.core.models import Agency

from .models import ApiToken


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, agency: Agency, name: str, actor=None) -> tuple[ApiToken, str]:
    """The new token and its key (shown once; only its hash is stored)."""
    prefix, secret = secrets.token_hex(4), secrets.token_urlsafe(30)
    token = ApiToken.objects.create(agency=agency, name=name, prefix=prefix,
                                    key_hash=_digest(secret), created_by=actor)
    audit_record(action="api.token_create", actor=actor, agency=agency, target=token)
    return token, f"sq_{prefix}_{secret}"


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor=None) -> None:
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    audit_record(action="api.token_revoke", actor=actor, agency=token.agency, target=token)


def token_for_key(key: str) -> ApiToken | None:
    """The active token for this key, or None."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != "sq":
        return None
    token = ApiToken.objects.select_related("agency").filter(
        prefix=parts[1], revoked_at__isnull=True).first()
    if token is None or not hmac.compare_digest(token.key_hash, _digest(parts[2])):
        return None
    return token

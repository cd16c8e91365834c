"""The citizen's secret tracking code, and the public lookup by (case number, code).

The code is shown once (on screen and by e-mail) and stored only as a password hash.
Lookups are rate-limited per client address and per case number (core.ratelimit).
"""

import secrets

from django.contrib.auth.hashers import check_password, make_password

from servq.core import ratelimit

from .models import Petition

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone
CODE_LENGTH = 10
# Lookups per client address, and failed lookups per case number.
PER_ADDRESS = dict(limit=20, window=600)
FAILURES_PER_NUMBER = dict(limit=10, window=3600)
_DUMMY_HASH = make_password("not-a-tracking-code")


def new_tracking_code() -> tuple[str, str]:
    """(code to show, hash to store)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    code = f"{raw[:5]}-{raw[5:]}"
    return code, make_password(normalise(code))


def normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


class TooManyAttempts(Exception):
    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        super().__init__(retry_after)


def track(*, agency, number: str, code: str, client: str) -> Petition | None:
    """The petition if the pair matches; None otherwise. TooManyAttempts when rate-limited."""
    number = number.strip().upper()
    per_address = ratelimit.hit(f"petitions.track.ip:{client}", **PER_ADDRESS)
    if not per_address.allowed:
        raise TooManyAttempts(per_address.retry_after)
    failures_key = f"petitions.track.fail:{number}"
    failures = ratelimit.peek(failures_key, **FAILURES_PER_NUMBER)
    if not failures.allowed:
        raise TooManyAttempts(failures.retry_after)
    petition = Petition.objects.filter(agency=agency, number=number).first()
    stored = petition.tracking_code_hash if petition and petition.tracking_code_hash else None
    # Hash even when there is no such case, so the answer's timing tells nothing.
    matched = check_password(normalise(code), stored or _DUMMY_HASH) and stored is not None
    if not matched:
        ratelimit.hit(failures_key, **FAILURES_PER_NUMBER)
        return None
    return petition

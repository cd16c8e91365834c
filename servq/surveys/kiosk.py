"""Counter tablets (kiosk mode).

A tablet becomes a kiosk when a staff member of the agency enrols it from the staff site: the
enrolment is a signed cookie naming the agency and a random device id. Only an enrolled device
gets the kiosk page and the kiosk channel, so nobody on the internet can pose as the counter;
each device has its own submission limit, wide enough for a busy counter.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from servq.core.models import Agency

COOKIE = "servq_kiosk"
SALT = "servq.surveys.kiosk"
MAX_AGE = 366 * 24 * 3600  # re-enrol yearly


@dataclass(frozen=True)
class KioskDevice:
    agency_code: str
    device: str


def kiosk_token(agency: Agency, device: str | None = None) -> str:
    return signing.dumps({"agency": agency.code, "device": device or uuid.uuid4().hex},
                         salt=SALT)


def kiosk_enrol(response, *, agency: Agency) -> KioskDevice:
    """Mark the browser receiving `response` as one of the agency's counter tablets."""
    token = kiosk_token(agency)
    response.set_cookie(COOKIE, token, max_age=MAX_AGE, httponly=True, samesite="Lax",
                        secure=settings.SESSION_COOKIE_SECURE)
    return kiosk_device(token, agency)


def kiosk_device_for(request, agency: Agency) -> KioskDevice | None:
    return kiosk_device(request.COOKIES.get(COOKIE, ""), agency)


def kiosk_device(token: str, agency: Agency) -> KioskDevice | None:
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("agency") != agency.code:
        return None
    return KioskDevice(agency.code, str(value.get("device", "")))

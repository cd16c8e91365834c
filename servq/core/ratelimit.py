"""Fixed-window rate limits shared by every worker process (the counter is a database row).

    if not ratelimit.hit(f"petitions.track:{ip}", limit=20, window=600).allowed: refuse

The increment is one UPDATE (or INSERT for a new window) inside a transaction, so two
workers never both see the same count: PostgreSQL locks the row until commit, SQLite's
IMMEDIATE transactions queue writers. Keys are stored hashed (no client addresses at rest).
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RateLimitCounter

# Windows older than this are deleted whenever a new window row is created.
KEEP = timedelta(days=1)


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    count: int
    limit: int
    retry_after: int  # seconds until the window ends


def minutes_to_wait(seconds: int) -> int:
    """Whole minutes, at least one, for messages such as 「請於 N 分鐘後再試」."""
    return max(1, (seconds + 59) // 60)


def _hashed(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _window(now: datetime, window: int) -> datetime:
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % window, tz=timezone.get_current_timezone())


def _retry_after(start: datetime, window: int, now: datetime) -> int:
    return max(0, int((start + timedelta(seconds=window) - now).total_seconds()))


@transaction.atomic
def hit(key: str, *, limit: int, window: int) -> Verdict:
    """Count one hit of `key` in the current window of `window` seconds."""
    now = timezone.now()
    start, hashed = _window(now, window), _hashed(key)
    rows = RateLimitCounter.objects.filter(key=hashed, window_start=start)
    if not rows.update(count=F("count") + 1):
        try:
            with transaction.atomic():
                RateLimitCounter.objects.create(key=hashed, window_start=start, count=1)
        except IntegrityError:  # another worker created the window first
            rows.update(count=F("count") + 1)
        RateLimitCounter.objects.filter(window_start__lt=now - KEEP).delete()
    count = rows.values_list("count", flat=True).get()
    return Verdict(count <= limit, count, limit, _retry_after(start, window, now))


def peek(key: str, *, limit: int, window: int) -> Verdict:
    """The current window's count without adding a hit; allowed if one more hit would be."""
    now = timezone.now()
    start = _window(now, window)
    count = RateLimitCounter.objects.filter(key=_hashed(key), window_start=start) \
        .values_list("count", flat=True).first() or 0
    return Verdict(count < limit, count, limit, _retry_after(start, window, now))

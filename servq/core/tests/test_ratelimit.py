from datetime import datetime, timedelta, timezone as dt_timezone

from servq.core import ratelimit
from servq.core.models import RateLimitCounter


def test_it_counts_hits_in_a_window_and_refuses_past_the_limit(db):
    verdicts = [ratelimit.hit("k", limit=3, window=60) for _ in range(4)]
    assert [v.allowed for v in verdicts] == [True, True, True, False]
    assert verdicts[-1].count == 4 and 0 <= verdicts[-1].retry_after <= 60
    assert ratelimit.hit("other-key", limit=3, window=60).allowed
    assert not ratelimit.peek("k", limit=3, window=60).allowed
    assert ratelimit.peek("fresh", limit=3, window=60).count == 0


def test_it_starts_a_new_window_and_forgets_old_ones(db, monkeypatch):
    clock = [datetime(2015, 6, 1, 9, 0, 5, tzinfo=dt_timezone.utc)]
    monkeypatch.setattr(ratelimit.timezone, "now", lambda: clock[0])
    for _ in range(3):
        ratelimit.hit("k", limit=2, window=60)
    assert not ratelimit.peek("k", limit=2, window=60).allowed
    clock[0] += timedelta(seconds=60)
    assert ratelimit.hit("k", limit=2, window=60).count == 1
    clock[0] += timedelta(days=2)
    ratelimit.hit("k", limit=2, window=60)
    assert RateLimitCounter.objects.count() == 1


def test_it_stores_no_client_address(db):
    ratelimit.hit("petitions.track.ip:10.20.30.40", limit=5, window=60)
    assert "10.20.30.40" not in RateLimitCounter.objects.get().key

"""A fixed-window request limit per client address, kept in the shared cache.

Public endpoints that cost the server work (search) use it against floods; no CAPTCHA.
(The petitions app may grow a shared one in servq/core; this one is the portal's until then.)
"""

import time

from django.core.cache import cache

from servq.core.audit import client_ip


def allow(request, *, scope: str, limit: int, window_seconds: int) -> bool:
    """True if this client has made fewer than `limit` requests in `scope` this window."""
    window = int(time.time()) // window_seconds
    key = f"ratelimit:{scope}:{client_ip(request) or 'unknown'}:{window}"
    if cache.add(key, 1, timeout=window_seconds + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds + 1)
        return True
    return count <= limit

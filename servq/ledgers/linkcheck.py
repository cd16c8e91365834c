"""Checking web addresses concurrently with the standard library (threads and urllib).

Each address gets one GET (the body is not read); redirects are followed up to urllib's limit;
every socket operation has a timeout. A link is healthy when its final answer is 2xx.
Environment proxies are ignored: the checker talks only to the addresses it is given.
"""

import http.client
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

USER_AGENT = "servq-linkcheck/1.0 (+https://www.moj.gov.tw/)"
DEFAULT_TIMEOUT = 10.0
DEFAULT_WORKERS = 16


@dataclass(frozen=True)
class LinkOutcome:
    url: str
    ok: bool
    status: int | None
    final_url: str
    elapsed_ms: int
    error: str


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _describe(error: BaseException) -> str:
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            return "逾時未回應"
        return f"無法連線（{reason}）"[:300]
    if isinstance(error, (socket.timeout, TimeoutError)):
        return "逾時未回應"
    return f"{type(error).__name__}: {error}"[:300]


def check_url(url: str, *, timeout: float = DEFAULT_TIMEOUT,
              opener: urllib.request.OpenerDirector | None = None) -> LinkOutcome:
    started = time.monotonic()

    def outcome(ok, status, final_url, error=""):
        elapsed = int((time.monotonic() - started) * 1000)
        return LinkOutcome(url, ok, status, final_url, elapsed, error)

    if urlsplit(url).scheme not in {"http", "https"}:
        return outcome(False, None, "", "只檢測 http 與 https 網址")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with (opener or _opener()).open(request, timeout=timeout) as response:
            status = response.status
            return outcome(200 <= status < 300, status, response.geturl(),
                           "" if 200 <= status < 300 else f"HTTP {status}")
    except urllib.error.HTTPError as error:
        error.close()
        return outcome(False, error.code, error.geturl() or url, f"HTTP {error.code}")
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
        return outcome(False, None, "", _describe(error))


def check_urls(urls: list[str], *, workers: int = DEFAULT_WORKERS,
               timeout: float = DEFAULT_TIMEOUT) -> list[LinkOutcome]:
    """Outcomes in the order of `urls`."""
    if not urls:
        return []
    opener = _opener()
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls)))) as pool:
        return list(pool.map(lambda url: check_url(url, timeout=timeout, opener=opener), urls))

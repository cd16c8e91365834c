"""Checking web addresses concurrently with the standard library (threads and urllib).

Each address gets one GET (the body is not read); redirects are followed up to urllib's limit;
every socket operation has a timeout. A link is healthy when its final answer is 2xx.
Environment proxies are ignored: the checker talks only to the addresses it is given.

The addresses are typed by staff, so the checker must not become a way into the internal
network (SSRF): every connection, the first and each redirect's, resolves the host name
itself, refuses it if any of its addresses is private, loopback, link-local, reserved,
multicast or unspecified, and connects to the address it checked (a second DNS answer cannot
slip in). settings.SERVQ_LINKCHECK_ALLOWED_NETWORKS lists networks exempt from this (empty by
default; the tests allow 127.0.0.0/8 for their local server).
"""

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

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


class RefusedAddress(OSError):
    """The host resolves to an address of an internal network."""


def _allowed_networks() -> list:
    return [ipaddress.ip_network(net) for net in settings.SERVQ_LINKCHECK_ALLOWED_NETWORKS]


def _is_internal(ip) -> bool:
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
            or ip.is_multicast or ip.is_unspecified or not ip.is_global)


def public_addresses(host: str, port: int) -> list[str]:
    """The host's addresses, or RefusedAddress if any of them is internal (and not allowed)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    allowed = _allowed_networks()
    addresses = []
    for *_rest, sockaddr in infos:
        ip = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if _is_internal(ip) and not any(ip in net for net in allowed):
            raise RefusedAddress(f"{host} 指向內部網路位址 {ip}，不予檢測")
        if sockaddr[0] not in addresses:
            addresses.append(sockaddr[0])
    return addresses


def _connect_public(address, timeout, source_address=None):
    """socket.create_connection to an address checked by public_addresses."""
    host, port = address
    last_error = None
    for ip in public_addresses(host, port):
        try:
            return socket.create_connection((ip, port), timeout, source_address)
        except OSError as error:
            last_error = error
    raise last_error or OSError(f"{host} 沒有位址")


class _PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect_public


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect_public  # TLS still checks the host name


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _PublicHTTPHandler,
                                       _PublicHTTPSHandler)


def _describe(error: BaseException) -> str:
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            return "逾時未回應"
        if isinstance(reason, RefusedAddress):
            return f"拒絕檢測（{reason}）"[:300]
        return f"無法連線（{reason}）"[:300]
    if isinstance(error, RefusedAddress):
        return f"拒絕檢測（{error}）"[:300]
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

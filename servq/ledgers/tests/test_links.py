"""The link checker against a local server on 127.0.0.1 (port chosen by the OS). A guard makes
any connection to another address fail the test. The checker refuses internal networks
unless settings allow them: these tests allow the loopback network only."""

import socket
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from servq.ledgers.models import LinkCheckRun, WebLink
from servq.ledgers.services.links import (LinkCheckBusy, link_check_claim, link_check_finish,
                                          link_check_run)
from servq.ledgers.linkcheck import check_urls

TIMEOUT = 0.5  # seconds; what the "never" answer costs each time


class Handler(BaseHTTPRequestHandler):
    release: threading.Event

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/ok":
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
        elif path in ("/moved", "/loop", "/to-internal"):
            self.send_response(301)
            self.send_header("Location", {"/moved": "/ok", "/loop": "/loop",
                                          "/to-internal": "http://10.1.2.3/admin"}[path])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/never":
            self.release.wait(30)  # accepts the connection, never answers in time
        else:
            self.send_error(404 if path == "/missing" else 500)

    def log_message(self, *args):
        pass


@pytest.fixture(autouse=True)
def local_only(monkeypatch, settings):
    settings.SERVQ_LINKCHECK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    real = socket.create_connection

    def guarded(address, *args, **kwargs):
        assert address[0] in ("127.0.0.1", "localhost"), f"test tried to reach {address}"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)


@pytest.fixture
def server():
    release = threading.Event()
    handler = type("LocalHandler", (Handler,), {"release": release})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    release.set()
    httpd.shutdown()
    httpd.server_close()


PATHS = ["/ok", "/moved", "/missing", "/error", "/never", "/loop"]


@pytest.fixture
def links(cast, server):
    return [WebLink.objects.create(agency=cast.sly, title=path.strip("/"), url=server + path,
                                   sort_order=n) for n, path in enumerate(PATHS)]


def test_it_follows_redirects_and_times_out_on_a_silent_server(server):
    outcomes = {o.url.removeprefix(server): o for o in
                check_urls([server + p for p in PATHS], workers=6, timeout=TIMEOUT)}
    assert (outcomes["/ok"].ok, outcomes["/ok"].status) == (True, 200)
    moved = outcomes["/moved"]
    assert (moved.ok, moved.status, moved.final_url) == (True, 200, server + "/ok")
    assert (outcomes["/missing"].status, outcomes["/error"].status) == (404, 500)
    assert not outcomes["/missing"].ok and outcomes["/error"].error == "HTTP 500"
    never = outcomes["/never"]
    assert (never.ok, never.status, never.error) == (False, None, "逾時未回應")
    assert never.elapsed_ms >= TIMEOUT * 1000 * 0.9
    assert not outcomes["/loop"].ok and outcomes["/loop"].status == 301


def test_it_refuses_internal_networks_unless_allowed(server, settings):
    settings.SERVQ_LINKCHECK_ALLOWED_NETWORKS = []
    port = server.rsplit(":", 1)[1]
    internal = [server + "/ok", f"http://localhost:{port}/ok", "http://10.0.0.8/",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
                "http://192.168.1.1/", "http://0.0.0.0/"]
    for outcome in check_urls(internal, workers=4, timeout=TIMEOUT):
        assert (outcome.ok, outcome.status) == (False, None), outcome.url
        assert outcome.error.startswith("拒絕檢測"), (outcome.url, outcome.error)
    settings.SERVQ_LINKCHECK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    [allowed] = check_urls([server + "/ok"], timeout=TIMEOUT)
    assert allowed.ok


def test_it_refuses_a_redirect_into_an_internal_network(server):
    """The allowed local server sends the checker to 10.1.2.3: refused, never connected."""
    [outcome] = check_urls([server + "/to-internal"], timeout=TIMEOUT)
    assert not outcome.ok and "10.1.2.3" in outcome.error and outcome.error.startswith("拒絕檢測")


def test_it_refuses_addresses_that_are_not_web_pages(db):
    [outcome] = check_urls(["mailto:someone@example.org"])
    assert (outcome.ok, outcome.error) == (False, "只檢測 http 與 https 網址")


def test_it_records_a_run_and_the_figure_of_the_last_run(cast, links, figures):
    run = link_check_run(agency=cast.sly, workers=6, timeout=TIMEOUT)
    assert (run.checked, run.healthy, run.broken, run.status) == (6, 2, 4, "finished")
    result = run.results.get(link=links[1])
    assert result.final_url.endswith("/ok") and result.status_code == 200
    figure = figures(cast.sly, f"{timezone.localdate():%Y-%m}")["web_links"]
    assert (figure["value"], figure["healthy"], figure["broken"]) == (6, 2, 4)
    assert figure["checked_at"] == timezone.localtime(run.finished_at)


def test_it_reports_the_last_run_within_the_period(cast, links, figures):
    def run_on(day, *, fix_missing=False):
        if fix_missing:
            WebLink.objects.filter(url__endswith="/missing").update(url=links[0].url + "?fixed")
        when = timezone.make_aware(datetime(*day, 10, 0))
        run = link_check_claim(agency=cast.sly, now=when)
        active = list(WebLink.objects.filter(agency=cast.sly, is_active=True))
        outcomes = check_urls([link.url for link in active], workers=6, timeout=TIMEOUT)
        link_check_finish(run=run, links=active, outcomes=outcomes,
                          finished_at=when + timedelta(minutes=1))

    run_on((2015, 3, 27))
    run_on((2015, 6, 26), fix_missing=True)
    assert figures(cast.sly, "2015Q1")["web_links"]["healthy"] == 2
    q2 = figures(cast.sly, "2015Q2")["web_links"]
    assert (q2["checked"], q2["healthy"], q2["quarter"]["healthy"]) == (6, 3, 3)
    assert figures(cast.sly, "2014")["web_links"]["checked_at"] is None


def test_it_runs_one_check_at_a_time_per_agency(cast, links):
    link_check_claim(agency=cast.sly)
    with pytest.raises(LinkCheckBusy):
        link_check_run(agency=cast.sly, timeout=TIMEOUT)
    # A run that has been "running" for over an hour is taken as dead.
    later = timezone.now() + timedelta(hours=2)
    assert link_check_claim(agency=cast.sly, now=later).status == "running"
    assert LinkCheckRun.objects.filter(status="abandoned").count() == 1


def test_it_lists_broken_links_from_the_command(cast, links):
    out = StringIO()
    call_command("check_links", "--agency", "sly", "--timeout", str(TIMEOUT), stdout=out)
    text = out.getvalue()
    assert "檢測 6 個，正常 2 個，失效 4 個" in text
    assert f"失效 missing {links[2].url} 404 HTTP 404" in text
    assert "失效 never" in text and "逾時未回應" in text
    with pytest.raises(CommandError, match="找不到機關代碼"):
        call_command("check_links", "--agency", "nope")


def test_it_checks_from_the_statistics_office_screen(cast, links, client_for):
    WebLink.objects.filter(url__endswith="/never").delete()  # the screen waits 8 s for it
    url = reverse("ledgers:link-check", args=["sly"])
    assert client_for(cast.secretariat).post(url).status_code == 403
    assert client_for(cast.outsider).post(url).status_code == 404
    response = client_for(cast.statistics).post(url)
    run = LinkCheckRun.objects.get()
    assert response["Location"] == reverse("ledgers:link-run", args=["sly", run.pk])
    page = client_for(cast.director).get(response["Location"]).content.decode()
    assert links[2].url in page and "HTTP 404" in page

"""The link checker: 1,000 links on a local test server, recorded as a run.

    .venv/bin/python bench/bench_ledgers_links.py [--links 1000] [--latency-ms 50] [--workers 16]

The server listens on 127.0.0.1 on a port the OS picks; each answer waits --latency-ms to stand
in for the network. 90% of the links answer 200, 5% redirect (301) to a 200, 5% answer 404.
The run is recorded in a scratch SQLite database (var/bench/ledgers-links.sqlite3).
"""

import argparse
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "var" / "bench" / "ledgers-links.sqlite3"


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def handler(latency: float):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            time.sleep(latency)
            kind = self.path.split("/")[1]
            if kind == "moved":
                self.send_response(301)
                self.send_header("Location", self.path.replace("/moved/", "/ok/"))
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif kind == "ok":
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--latency-ms", type=float, default=50)
    parser.add_argument("--workers", type=int, default=16)
    args = parser.parse_args()

    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servq.settings")
    # The local server is on the loopback network, which the checker refuses by default.
    os.environ.setdefault("SERVQ_LINKCHECK_ALLOWED_NETWORKS", "127.0.0.0/8")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from servq.core.demo import ensure_agencies
    from servq.ledgers.models import WebLink
    from servq.ledgers.services.links import link_check_run

    call_command("migrate", verbosity=0)
    agency = ensure_agencies()["sly"]
    server = Server(("127.0.0.1", 0), handler(args.latency_ms / 1000))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    kinds = ["ok"] * 18 + ["moved", "missing"]
    WebLink.objects.bulk_create(
        WebLink(agency=agency, title=f"link {n}", url=f"{base}/{kinds[n % 20]}/{n}", sort_order=n)
        for n in range(args.links))
    print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores")
    started = time.perf_counter()
    run = link_check_run(agency=agency, workers=args.workers, timeout=10)
    elapsed = time.perf_counter() - started
    server.shutdown()
    print("| links | latency per answer | workers | healthy | broken | time (check and record) |")
    print("|---|---|---|---|---|---|")
    print(f"| {run.checked:,} | {args.latency_ms:.0f} ms | {args.workers} | {run.healthy:,} | "
          f"{run.broken:,} | {elapsed:.2f} s |")


if __name__ == "__main__":
    main()

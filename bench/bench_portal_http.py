"""Public pages served by a production server: gunicorn (DEBUG off) on 127.0.0.1, measured by
wrk from another process (target: 300 requests/s or more on this 2-core machine).

    .venv/bin/python bench/bench_portal_http.py            # Shilin's home page and questionnaire
    .venv/bin/python bench/bench_portal_http.py --path /en/sly/questionnaire/ --path ...
    .venv/bin/python bench/bench_portal_http.py --path /zh-hant/sly/questionnaire/kiosk/
    .venv/bin/python bench/bench_portal_http.py --db postgres --workers 3 --duration 20

The scratch database (var/bench/portal_http.sqlite3, or the PostgreSQL database bench_portal
with --db postgres) gets the demo data (`load_demo`) on the first run. wrk and gunicorn share
the machine's two cores, so the numbers are a floor, not what a server of its own would do.
Every path is fetched once first and must answer 200 (a path that does not is reported and
skipped). The kiosk page answers only enrolled counter tablets (403 otherwise, since d839e04),
so its requests carry the cookie staff's enrolment gives a tablet.
"""

import argparse
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import quote
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_URL = f"sqlite:///{ROOT / 'var' / 'bench' / 'portal_http.sqlite3'}"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_portal")
PORT = 8152
KIOSK_PATH = re.compile(r"^/[\w-]+/(?P<agency>[\w-]+)/questionnaire/kiosk/")


def prepare(env: dict) -> None:
    python = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["load_demo"]):
        subprocess.run(python + command, env=env, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)


def kiosk_cookie(env: dict, agency_code: str) -> str:
    """`name=value` of an enrolled tablet's cookie, signed with the server's SECRET_KEY."""
    code = ("from servq.core.models import Agency\n"
            "from servq.surveys.kiosk import COOKIE, kiosk_token\n"
            f"print(COOKIE + '=' + kiosk_token(Agency.objects.get(code={agency_code!r})))")
    output = subprocess.run([sys.executable, "manage.py", "shell", "-v0", "-c", code], env=env,
                            cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return output.strip().splitlines()[-1]


def request_headers(env: dict, path: str) -> dict:
    kiosk = KIOSK_PATH.match(path)
    return {"Cookie": kiosk_cookie(env, kiosk["agency"])} if kiosk else {}


def wait_until_up(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answered
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer at {url}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", action="append", help="path to measure (repeatable)")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    # One sync worker per core: wrk shares the cores, and a third worker on two cores measured
    # slower (questionnaire 320 vs 372-399 requests/s on SQLite), so the default is the core count.
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=15, help="seconds per path")
    parser.add_argument("--skip-load", action="store_true", help="reuse the loaded database")
    args = parser.parse_args()
    paths = args.path or ["/zh-hant/sly/", "/zh-hant/sly/questionnaire/"]
    if args.db == "sqlite":
        (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
        database_url = SQLITE_URL
    else:
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_portal_search import ensure_pg_database

        ensure_pg_database(PG_URL)
        database_url = PG_URL
    env = dict(os.environ, DATABASE_URL=database_url, DEBUG="", SECRET_KEY="bench-http",
               ALLOWED_HOSTS="127.0.0.1", MEDIA_ROOT=str(ROOT / "var" / "bench" / "media"))
    if not args.skip_load:
        prepare(env)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "servq.wsgi:application", "--bind",
         f"127.0.0.1:{PORT}", "--workers", str(args.workers), "--log-level", "warning"],
        env=env, cwd=ROOT)
    status = 0
    try:
        base = f"http://127.0.0.1:{PORT}"
        wait_until_up(base + quote(paths[0], safe="/?=&%"))
        load = os.getloadavg()
        print(f"load before: {load[0]:.2f} {load[1]:.2f} (1/5 min); gunicorn {args.workers} "
              f"sync workers, DEBUG off, {args.db}; wrk 2 threads, {args.connections} "
              f"connections, {args.duration} s")
        print("| path | requests/s | latency avg | non-2xx | load after (1 min) |")
        print("|---|---|---|---|---|")
        for shown in paths:
            path = quote(shown, safe="/?=&%")
            headers = request_headers(env, shown)
            try:
                request = urllib.request.Request(base + path, headers=headers)
                with urllib.request.urlopen(request, timeout=10) as response:
                    answered = response.status
            except urllib.error.HTTPError as error:
                answered = error.code
            if answered != 200:
                print(f"| {shown} | not measured: answered {answered} | | | |")
                status = 1
                continue
            wrk_headers = [option for name, value in headers.items()
                           for option in ("-H", f"{name}: {value}")]
            output = subprocess.run(
                ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", *wrk_headers,
                 base + path], capture_output=True, text=True, check=True).stdout
            rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
            latency = re.search(r"Latency\s+(\S+)", output).group(1)
            errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
            print(f"| {shown} | {rate:,.0f} | {latency} | {errors.group(1) if errors else 0} "
                  f"| {os.getloadavg()[0]:.2f} |")
            status |= int(rate < 300 or bool(errors))
    finally:
        server.terminate()
        server.wait(timeout=20)
    return status


if __name__ == "__main__":
    sys.exit(main())

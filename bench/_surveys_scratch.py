"""Scratch databases for the questionnaire benchmarks (never the test or demo databases).

SQLite: var/bench/surveys.sqlite3. PostgreSQL: database `bench_surveys` on the local server
(override with BENCH_SURVEYS_PG_URL). Each benchmark runs once per database in a child process,
because Django reads DATABASE_URL once at start-up.
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
SQLITE_URL = f"sqlite:///{ROOT / 'var' / 'bench' / 'surveys.sqlite3'}"
PG_URL = os.environ.get("BENCH_SURVEYS_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_surveys")


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return p


def ensure_pg_database(url: str) -> None:
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(host=parts.hostname, port=parts.port or 5432,
                         user=parts.username or "postgres", dbname="postgres",
                         autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _without_db(argv: list[str]) -> list[str]:
    kept, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not arg.startswith("--db="):
            kept.append(arg)
    return kept


def run_per_database(script: str, args: argparse.Namespace, argv: list[str]) -> int:
    """Run this script again as a child for each database asked for."""
    status = 0
    for db in (["sqlite", "postgres"] if args.db == "both" else [args.db]):
        url = SQLITE_URL if db == "sqlite" else PG_URL
        if db == "sqlite":
            Path(urlparse(url).path).parent.mkdir(parents=True, exist_ok=True)
        else:
            ensure_pg_database(url)
        env = dict(os.environ, DATABASE_URL=url, SECRET_KEY="bench-only", DEBUG="")
        child_argv = _without_db(argv) + ["--db", db, "--child"]
        status |= subprocess.call([sys.executable, script, *child_argv], env=env, cwd=ROOT)
    return status


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servq.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from servq.core.demo import ensure_agencies

    ensure_agencies()


def machine() -> str:
    load = os.getloadavg()
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            db = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
        else:
            cursor.execute("SELECT sqlite_version()")
            db = f"SQLite {cursor.fetchone()[0]}"
    return (f"{db}; {os.cpu_count()} cores; Python {platform.python_version()}; "
            f"load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


def summary_ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, "
            f"min {ordered[0] * 1000:.2f} ms ({len(ordered)} runs)")


def main(script: str, doc: str, child, argv: list[str], add_options=None) -> int:
    """Parse the options; as the parent, run `child(args)` once per database in a subprocess."""
    p = parser(doc.strip().splitlines()[0])
    if add_options:
        add_options(p)
    args = p.parse_args(argv)
    if args.child:
        child(args)
        return 0
    return run_per_database(script, args, argv)


def clear_agency(agency) -> None:
    """Remove an agency's responses, answers, tallies and import batches (raw, fast deletes)."""
    from django.db import connection, transaction

    from servq.core.models import ImportBatch
    from servq.surveys.models import AnswerTally, RespondentTally, Response, TextAnswer

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM surveys_answer WHERE response_id IN "
                       "(SELECT id FROM surveys_response WHERE agency_id = %s)", [agency.pk])
        TextAnswer.objects.filter(response__agency=agency).delete()
        Response.objects.filter(agency=agency)._raw_delete(Response.objects.db)
        AnswerTally.objects.filter(agency=agency).delete()
        RespondentTally.objects.filter(agency=agency).delete()
        ImportBatch.objects.filter(agency=agency).delete()

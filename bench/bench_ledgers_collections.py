"""Collections: importing a million records (PostgreSQL COPY, SQLite executemany) and a year's
figures for one agency from the monthly tally.

    .venv/bin/python bench/bench_ledgers_collections.py [--rows 1000000] [--db sqlite|postgres|both]

Scratch databases only: var/bench/ledgers.sqlite3 and the PostgreSQL database bench_ledgers
(dropped and created afresh; server from BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432).
"""

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
CATEGORIES = ["income_tax", "business_tax", "local_tax", "deed_tax", "fuel_fee", "highway_fine",
              "labor_insurance", "health_insurance"]
CHAINS = ["7-ELEVEN", "全家", "萊爾富", "OK"]


def generate(rows: int, year: int = 2015) -> Path:
    """A year (2015, or another: bench_reports.py fills five) of collection records as the
    channels' files have them (cached)."""
    name = f"collections-{rows}.csv" if year == 2015 else f"collections-{year}-{rows}.csv"
    path = BENCH_DIR / name
    if path.exists():
        return path
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    rng = random.Random(rows if year == 2015 else rows + year)
    first = date(year, 1, 1)
    days = [(first + timedelta(days=n)).isoformat()
            for n in range((date(year + 1, 1, 1) - first).days)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["paid_on", "channel", "chain", "category", "case_number", "amount"])
        for n in range(rows):
            channel = rng.choice(("store", "store", "store", "bank", "post"))
            writer.writerow([rng.choice(days), channel,
                             rng.choice(CHAINS) if channel == "store" else "",
                             rng.choice(CATEGORIES), f"{year - 1911}年度執字第{n:08d}號",
                             rng.randint(100, 19_999)])
    return path


def fresh_database(kind: str, app: str = "ledgers") -> str:
    """An empty scratch database for an app's benchmark: var/bench/<app>.sqlite3 or the
    PostgreSQL database bench_<app> (bench_reports.py asks for its own)."""
    if kind == "sqlite":
        target = BENCH_DIR / f"{app}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{target}"
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS bench_{app}")
        connection.execute(f"CREATE DATABASE bench_{app}")
    return f"{PG_SERVER}/bench_{app}"


def measure(file: Path) -> None:
    """Runs inside a child process whose DATABASE_URL is the scratch database."""
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servq.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count, Sum

    from servq.core.demo import ensure_agencies
    from servq.core.periods import Period
    from servq.core.tabular import open_table
    from servq.ledgers.models import Collection
    from servq.ledgers.selectors.collections import collection_figures
    from servq.ledgers.services.collections import collection_import
    from servq.ledgers.windows import Windows

    call_command("migrate", verbosity=0)
    agency = ensure_agencies()["sly"]
    started = time.perf_counter()
    rows = collection_import(agency=agency, table=open_table(file), file_name=file.name)
    imported = time.perf_counter() - started
    windows = Windows.ending(Period.parse("2015"))

    def timed(function, runs=21):
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            result = function()
            samples.append((time.perf_counter() - started) * 1000)
        return statistics.median(samples), result

    tally_ms, figures = timed(lambda: collection_figures(agency_ids=[agency.pk], windows=windows))
    raw_ms, raw = timed(lambda: Collection.objects.filter(
        agency=agency, paid_on__range=windows.year_to_date.as_range()).aggregate(
        n=Count("pk"), total=Sum("amount")), runs=5)
    assert raw["n"] == figures["collections"]["cases"] == rows
    assert raw["total"] == figures["collections"]["amount_ntd"]
    print(f"| {connection.vendor} | import {rows:,} records | {imported:.1f} s "
          f"({rows / imported:,.0f} rows/s) |")
    print(f"| {connection.vendor} | a year's figures from the tally (median of 21) | "
          f"{tally_ms:.2f} ms |")
    print(f"| {connection.vendor} | (for comparison) recount of the raw records, one agency-year "
          f"(median of 5) | {raw_ms:.0f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(Path(args.measure))
        return
    file = generate(args.rows)
    print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores")
    print("| database | what | time |\n|---|---|---|")
    for kind in (["sqlite", "postgres"] if args.db == "both" else [args.db]):
        env = dict(os.environ, DATABASE_URL=fresh_database(kind))
        subprocess.run([sys.executable, __file__, "--measure", str(file)], env=env, check=True)


if __name__ == "__main__":
    main()

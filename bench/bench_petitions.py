"""Petitions at national scale: 200,000 petitions over 14 agencies and 5 years (2011-2015).

Measures, on PostgreSQL (database bench_petitions) and SQLite (var/bench/petitions.sqlite3):
  - the overdue list of one agency (first page of 50 + its count, as the page shows it)
  - the `petitions` figures of one agency-quarter (Shilin 2015Q2) and of the HQ consolidated
  - document numbers under 8 concurrent writers (unique and gapless)

    .venv/bin/python bench/bench_petitions.py [--size 200000] [--engine postgres|sqlite|both]

The data are generated straight into the tables (COPY on PostgreSQL, executemany on SQLite);
the measured code is the application's own selectors and figure provider.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, datetime, time as dtime, timedelta, timezone as dt_timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_petitions")
SQLITE_PATH = ROOT / "var" / "bench" / "petitions.sqlite3"
YEARS = range(2011, 2016)
RUNS = 5
WRITERS, EACH = 8, 25

PETITION_COLUMNS = [
    "agency_id", "year", "serial", "number", "channel", "category_id", "subject", "content",
    "received_on", "received_at", "due_on", "status", "assigned_unit_id", "assigned_user_id",
    "referred_to_committee", "is_case_matter", "section_hint_id", "enforcement_case",
    "complained_officer_id", "is_anonymous", "petitioner_name", "petitioner_email",
    "petitioner_phone", "petitioner_address", "recorded_by_id", "forwarded_by", "forwarded_ref",
    "forwarded_on", "replied_on", "reply_method", "closed_on", "not_processed_reason",
    "repeat_of_id", "tracking_code_hash", "submission_key", "import_batch_id", "created_by_id",
]
EVENT_COLUMNS = ["petition_id", "kind", "happened_on", "recorded_at", "actor_id", "to_unit_id",
                 "to_user_id", "method", "summary", "previous_due_on", "new_due_on",
                 "approved_by_id", "notice_method", "notice_on"]


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servq.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    # The bench measures locking, not the tracking code's deliberately slow password hash.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def fresh_database(engine: str) -> str:
    if engine == "sqlite":
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{SQLITE_PATH}"
    import psycopg

    name = PG_URL.rsplit("/", 1)[1]
    with psycopg.connect(PG_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_URL


def generate(size: int):
    """Rows for petitions and their events, with ids, in memory-light batches."""
    from servq.core.models import Agency, Unit
    from servq.petitions.models import Category, Channel
    from servq.petitions.numbering import format_number

    rng = random.Random(2015)
    agencies = list(Agency.objects.order_by("pk"))
    categories = list(Category.objects.values_list("pk", flat=True))
    units = {a.pk: list(Unit.objects.filter(agency=a).values_list("pk", flat=True))
             for a in agencies}
    channels = Channel.values
    per_cell = size // (len(agencies) * len(YEARS))
    now = datetime(2016, 1, 1, tzinfo=dt_timezone.utc)
    petition_id = event_id = 0
    counters = []
    for agency in agencies:
        for year in YEARS:
            count = per_cell + (size - per_cell * len(agencies) * len(YEARS)
                                if (agency, year) == (agencies[-1], YEARS[-1]) else 0)
            counters.append((agency.pk, year, count))
            days = sorted(date(year, 1, 1) + timedelta(days=rng.randrange(365))
                          for _ in range(count))
            petitions, events = [], []
            for serial, received in enumerate(days, start=1):
                petition_id += 1
                due = received + timedelta(days=10)
                roll = rng.random()
                replied = closed = None
                status, reason = "closed", ""
                if roll < 0.01:
                    status, reason, closed = "not_processed", "anonymous", received
                elif roll < 0.03 and (year == 2015 or roll < 0.012):
                    status = "assigned"  # still open: a few old ones, more of the last year
                else:
                    replied = closed = received + timedelta(days=rng.randint(1, 14))
                petitions.append([
                    agency.pk, year, serial, format_number(agency, year, serial),
                    rng.choice(channels), rng.choice(categories), f"陳情事項 {petition_id}", "",
                    received, datetime.combine(received, dtime(1), dt_timezone.utc), due, status,
                    rng.choice(units[agency.pk] or [None]), None, False, False, None, "", None, False,
                    "", "", "", "", None, "", "", None, replied, "letter" if replied else "",
                    closed, reason, None, "", "", None, None,
                ])
                events.append([petition_id, "received", received, now] + [None] * 3 + [""] * 2
                              + [None] * 3 + ["", None])
                if rng.random() < 0.05:
                    events.append([petition_id, "contacted", received + timedelta(days=2), now]
                                  + [None] * 3 + ["phone", "電話告知進度"] + [None] * 3 + ["", None])
                if replied:
                    for kind in ("replied", "closed"):
                        events.append([petition_id, kind, replied, now] + [None] * 3
                                      + ["letter" if kind == "replied" else "", ""]
                                      + [None] * 3 + ["", None])
            event_id += len(events)
            yield petitions, events
    generate.counters = counters


def load(engine: str, size: int) -> float:
    from django.db import connection, transaction

    from servq.petitions.models import DocumentCounter

    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.connection
        for petitions, events in generate(size):
            if engine == "postgres":
                with raw.cursor() as pg:
                    with pg.copy(f"COPY petitions_petition ({', '.join(PETITION_COLUMNS)}) "
                                 "FROM STDIN") as copy:
                        for row in petitions:
                            copy.write_row(row)
                    with pg.copy(f"COPY petitions_petitionevent ({', '.join(EVENT_COLUMNS)}) "
                                 "FROM STDIN") as copy:
                        for row in events:
                            copy.write_row(row)
            else:
                marks = ", ".join("?" * len(PETITION_COLUMNS))
                raw.executemany(f"INSERT INTO petitions_petition ({', '.join(PETITION_COLUMNS)}) "
                                f"VALUES ({marks})", petitions)
                marks = ", ".join("?" * len(EVENT_COLUMNS))
                raw.executemany(f"INSERT INTO petitions_petitionevent "
                                f"({', '.join(EVENT_COLUMNS)}) VALUES ({marks})", events)
    DocumentCounter.objects.bulk_create(
        DocumentCounter(agency_id=agency_id, year=year, last_serial=count)
        for agency_id, year, count in generate.counters)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def median_ms(function) -> tuple[float, object]:
    function()  # warm the caches
    timings, result = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), result


def concurrent_numbers(agency) -> tuple[bool, float]:
    from django.db import connections

    from servq.petitions.models import Category, Channel, Petition
    from servq.petitions.services import Intake, Petitioner, petition_receive

    category = Category.objects.get(code="other")
    year = date.today().year
    before = Petition.objects.filter(agency=agency, year=year).count()
    barrier, errors = threading.Barrier(WRITERS), []

    def write():
        try:
            barrier.wait()
            for _ in range(EACH):
                petition_receive(agency=agency, channel=Channel.EMAIL, category=category,
                                 subject="同時送出", intake=Intake(petitioner=Petitioner("甲")))
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write) for _ in range(WRITERS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    serials = sorted(Petition.objects.filter(agency=agency, year=year)
                     .values_list("serial", flat=True))
    ok = not errors and serials == list(range(1, before + WRITERS * EACH + 1))
    if errors:
        print("  errors:", errors[:3])
    return ok, WRITERS * EACH / elapsed


def run_engine(engine: str, size: int) -> None:
    setup_django(fresh_database(engine))
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from servq.core.models import Agency
    from servq.core.periods import Period
    from servq.core.demo import ensure_agencies, ensure_demo_users
    from servq.petitions.figures import petition_figures
    from servq.petitions.reference import ensure_rules
    from servq.petitions.selectors import dashboard_counts, overdue_list, petition_list
    from servq.reports.registry import ReportScope

    call_command("migrate", verbosity=0)
    ensure_agencies()
    ensure_demo_users()
    for agency in Agency.objects.all():
        ensure_rules(agency)
    seconds = load(engine, size)
    shilin, hq = Agency.objects.get(code="sly"), Agency.objects.get(code="aee")
    secretariat = get_user_model().objects.get(username="sly-secretariat")

    def overdue_page():
        listed = overdue_list(user=secretariat, agency=shilin, on=date(2015, 12, 31))
        return listed.count(), list(listed[:50])

    def inbox_page():
        listed = petition_list(user=secretariat, agency=shilin)
        counts = dashboard_counts(user=secretariat, agency=shilin, on=date(2015, 12, 31))
        return listed.count(), list(listed[:50]), counts

    overdue_ms, (overdue_count, _) = median_ms(overdue_page)
    inbox_ms, _ = median_ms(inbox_page)
    quarter_ms, figures = median_ms(lambda: petition_figures(
        ReportScope.for_agency(shilin, Period.parse("2015Q2"))))
    hq_ms, _ = median_ms(lambda: petition_figures(
        ReportScope.for_agency(hq, Period.parse("2015Q2"), consolidated=True)))
    unique, per_second = concurrent_numbers(shilin)
    load_avg = os.getloadavg()[0]
    print(f"| {engine} | {size:,} | {seconds:.1f} s | {overdue_ms:.1f} ms ({overdue_count} overdue) "
          f"| {inbox_ms:.1f} ms | {quarter_ms:.1f} ms | {hq_ms:.1f} ms | {'yes' if unique else 'NO'} "
          f"({WRITERS}×{EACH}, {per_second:.0f}/s) | {load_avg:.2f} |", flush=True)
    print(f"  Shilin 2015Q2: received {figures['received']}, average_days_ytd "
          f"{figures['average_days_ytd']}, overdue_open {figures['overdue_open']}", flush=True)
    if not unique:
        sys.exit(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--engine", choices=["postgres", "sqlite", "both"], default="both")
    args = parser.parse_args()
    if args.engine != "both":
        run_engine(args.engine, args.size)
        return 0
    print("| engine | petitions | load | overdue list (page + count) | inbox (page + count + "
          "dashboard) | figures, one agency-quarter | figures, HQ consolidated "
          "| numbers unique under 8 writers | load avg |")
    print("|---|---|---|---|---|---|---|---|---|", flush=True)
    status = 0
    for engine in ("postgres", "sqlite"):
        status |= subprocess.call([sys.executable, __file__, "--engine", engine,
                                   "--size", str(args.size)])
    return status


if __name__ == "__main__":
    sys.exit(main())

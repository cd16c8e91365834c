"""The quarterly report built end to end from records: figures, composition, ODT, DOCX, PDF,
HTML and JSON, stored as a build (services.build_run, as the worker and build_report run it).

    .venv/bin/python bench/bench_reports.py [--db sqlite|postgres|both] [--runs 3]
        [--petitions 200000] [--responses 20000] [--collections 20000]

Scratch databases only (created afresh): SQLite var/bench/reports.sqlite3 and the PostgreSQL
database bench_reports (server from BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432).

a. Shilin's 2015Q2 from the demo records (load_demo), all five formats. Target < 5 s.
b. Five years (2011-2015) of generated records for the 14 agencies, made by the other apps'
   benchmark generators: petitions (bench_petitions.load: --petitions over 14 agencies x 5
   years, with their events), questionnaire responses (bench_surveys_stats.generate:
   --responses per branch over the 20 quarters, with answers and tallies), collections
   (bench_ledgers_collections.generate, imported through the ledgers' import service:
   --collections per agency and year). Then the HQ's consolidated 2015Q2 report over its 13
   branches, all five formats (target < 15 s), and Shilin's alone on the same data.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
YEARS = tuple(range(2011, 2016))
FORMATS = ["odt", "docx", "pdf", "html", "json"]


def setup_django() -> None:
    sys.path[:0] = [str(ROOT), str(BENCH)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servq.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.REPORT_DEMO_DIR = None  # load_demo must not overwrite the demo's var/reports/
    call_command("migrate", verbosity=0)


def load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def time_builds(agency, *, consolidated: bool, runs: int) -> dict[str, float]:
    """Medians over the runs: the figures alone, and the whole build (figures, composition,
    five formats, stored)."""
    from servq.core.periods import Period
    from servq.reports.defaults import DEFAULT_CODE
    from servq.reports.figureset import collect_figures
    from servq.reports.jobs import claim, worker_name
    from servq.reports.models import ReportTemplate
    from servq.reports.registry import ReportScope
    from servq.reports.services import build_request, build_run

    period = Period.parse("2015Q2")
    version = ReportTemplate.objects.get(agency=agency, code=DEFAULT_CODE).current_version()
    figures, builds = [], []
    for _ in range(runs):
        started = time.perf_counter()
        collect_figures(ReportScope.for_agency(agency, period, consolidated=consolidated))
        figures.append(time.perf_counter() - started)
        started = time.perf_counter()
        build = build_request(agency=agency, period=period, template_version=version,
                              formats=FORMATS, consolidated=consolidated)
        claim(build.pk, worker_name("bench"))
        build = build_run(build=build)
        builds.append(time.perf_counter() - started)
        assert build.status == build.Status.DONE, build.error
    return {"figures": statistics.median(figures), "build": statistics.median(builds),
            "checks": len(build.checks)}


def row(engine: str, case: str, timings: dict, target: float) -> str:
    verdict = "OK" if timings["build"] < target else "OVER"
    return (f"| {engine} | {case} | {timings['figures'] * 1000:,.0f} ms | "
            f"{timings['build']:.2f} s | < {target:.0f} s {verdict} | {load()} |")


def demo_case(engine: str, runs: int) -> None:
    """a. Shilin 2015Q2 from the demo records."""
    setup_django()
    from io import StringIO

    from django.core.management import call_command

    from servq.core.models import Agency

    call_command("load_demo", stdout=StringIO())
    timings = time_builds(Agency.objects.get(code="sly"), consolidated=False, runs=runs)
    print(row(engine, "a. Shilin 2015Q2, demo records, 5 formats", timings, 5), flush=True)


def generate_national(engine: str, args) -> float:
    """Five years of records for the 14 agencies, by the other apps' benchmark generators."""
    from datetime import date

    import bench_ledgers_collections
    import bench_petitions
    import bench_surveys_stats

    from servq.core.demo import ensure_agencies
    from servq.core.models import Agency
    from servq.core.tabular import open_table
    from servq.ledgers.services.collections import collection_import
    from servq.petitions.reference import ensure_rules
    from servq.reports.defaults import install_default_templates
    from servq.surveys.structure import load_structure, questionnaire_in_effect

    started = time.perf_counter()
    agencies = ensure_agencies()
    for agency in agencies.values():
        ensure_rules(agency)
    bench_petitions.load(engine, args.petitions)
    branches = list(Agency.objects.filter(kind=Agency.Kind.BRANCH).order_by("pk"))
    structure = load_structure(questionnaire_in_effect(branches[0], date(2015, 6, 30)))
    for branch in branches:
        bench_surveys_stats.generate(branch, structure, args.responses, years=YEARS)
    files = [bench_ledgers_collections.generate(args.collections, year) for year in YEARS]
    for agency in agencies.values():
        for file in files:
            collection_import(agency=agency, table=open_table(file), file_name=file.name)
    results = install_default_templates(agencies=[agencies["aee"], agencies["sly"]])
    assert not any(r.errors for r in results), [r.errors for r in results]
    return time.perf_counter() - started


def national_case(engine: str, args) -> None:
    """b. the HQ consolidated over five generated years of 14 agencies (and Shilin alone)."""
    setup_django()
    from servq.core.models import Agency
    from servq.ledgers.models import Collection
    from servq.petitions.models import Petition
    from servq.surveys.models import Answer, Response

    seconds = generate_national(engine, args)
    print(f"| {engine} | generated in {seconds:.0f} s: {Petition.objects.count():,} petitions, "
          f"{Response.objects.count():,} responses ({Answer.objects.count():,} answers), "
          f"{Collection.objects.count():,} collection records; 14 agencies, 2011-2015 "
          f"| | | | {load()} |", flush=True)
    hq = Agency.objects.get(code="aee")
    print(row(engine, "b. HQ consolidated 2015Q2 over 13 branches, 5 formats",
              time_builds(hq, consolidated=True, runs=args.runs), 15), flush=True)
    print(row(engine, "b'. Shilin 2015Q2 on the same data, 5 formats",
              time_builds(Agency.objects.get(code="sly"), consolidated=False, runs=args.runs), 5),
          flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--petitions", type=int, default=200_000)
    parser.add_argument("--responses", type=int, default=20_000, help="per branch, five years")
    parser.add_argument("--collections", type=int, default=20_000, help="per agency and year")
    parser.add_argument("--case", choices=["demo", "national"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    engine = "postgres" if args.db == "postgres" else "sqlite"
    if args.case == "demo":
        demo_case(engine, args.runs)
        return 0
    if args.case == "national":
        national_case(engine, args)
        return 0
    from bench_ledgers_collections import fresh_database

    print(f"{os.cpu_count()} cores, {load()}")
    print("| database | case | figures (median) | whole build (median) | target | load |")
    print("|---|---|---|---|---|---|", flush=True)
    status = 0
    for engine in (["sqlite", "postgres"] if args.db == "both" else [args.db]):
        for case in ("demo", "national"):
            env = dict(os.environ, DATABASE_URL=fresh_database(engine, "reports"),
                       SECRET_KEY="bench-only", DEBUG="",
                       MEDIA_ROOT=str(ROOT / "var" / "bench" / "media"))
            status |= subprocess.call([sys.executable, __file__, "--case", case, "--db", engine,
                                       "--runs", str(args.runs), "--petitions", str(args.petitions),
                                       "--responses", str(args.responses),
                                       "--collections", str(args.collections)], env=env, cwd=ROOT)
    return status


if __name__ == "__main__":
    sys.exit(main())

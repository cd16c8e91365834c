"""Benchmark of the quarterly report: compose + render all five formats.

    .venv/bin/python bench/bench_reports.py [--runs 3] [--database sqlite|postgres]

1. renderers: the default template composed from a figure tree shaped as the providers'
   contracts (issues 2-4: survey, petitions, media, ledgers) for one branch-quarter, then
   ODT, DOCX, PDF, HTML and JSON. Target: all five under 5 s.
2. consolidated renderers: the same for an HQ over 13 branches (with the comparison table).
3. end to end (only once the survey, petitions and ledgers apps are merged): generate five
   years of records for 14 agencies with those apps' benchmark generators into the scratch
   database (SQLite var/bench/reports.sqlite3 or PostgreSQL bench_reports), then time
   build_run for Shilin's 2015Q2 (target 5 s) and the HQ consolidated report (target 15 s).
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTIONS = {
    "env_overall": "satisfaction5", "env_a": "helpfulness5", "env_b": "helpfulness5",
    "env_c": "helpfulness5", "env_d": "helpfulness5", "env_e": "helpfulness5",
    "env_f": "helpfulness5", "staff_overall": "satisfaction5", "staff_a": "satisfaction5",
    "staff_b": "satisfaction5", "staff_c": "satisfaction5", "staff_d": "satisfaction5",
    "promo_overall": "satisfaction5", "aware_1": "aware2", "aware_2": "aware2", "aware_3": "aware2",
    "admin_overall": "satisfaction5", "admin_1": "satisfaction5", "admin_2": "satisfaction5",
    "admin_3": "satisfaction5", "admin_4": "satisfaction5",
}


def percent(count, base):
    if not base:
        return None
    return (Decimal(count) * 100 / Decimal(base)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def contract_tree(agency: dict, period: dict, rng: random.Random) -> dict:
    """A figure tree with the documented keys of the survey, petitions, media and ledgers
    providers, filled with plausible numbers (a benchmark input, not a test oracle)."""
    questions = {}
    for code, scale in QUESTIONS.items():
        options = ["yes", "no"] if scale == "aware2" else ["5", "4", "3", "2", "1"]
        counts = {o: rng.randint(0, 20) for o in options}
        n = sum(counts.values())
        entry = {"n": n, "counts": counts, "percent": {o: percent(c, n) for o, c in counts.items()}}
        if scale != "aware2":
            entry["top2_percent"] = percent(counts["5"] + counts["4"], n)
        questions[code] = entry
    value = lambda: {"value": rng.randint(0, 90000), "quarter": {"value": rng.randint(0, 900)}}  # noqa: E731
    ledgers = {code: value() for code in [
        "download_forms", "egate_tax_business", "egate_accounting_epay", "egate_procurement_eorder",
        "egate_joint_contract_epay", "egate_edocs", "case_inquiries", "attitude_baseline",
        "web_updates", "web_links", "web_visitors", "cross_agency_meetings", "store_payment_threshold"]}
    ledgers["stationed_staff"] = {"value": 33, "by": {"財政部臺北國稅局": 12, "財政部北區國稅局": 3,
                                                      "臺北市稅捐稽徵處": 6, "新北市政府稅捐稽徵處": 2,
                                                      "衛生福利部中央健康保險署": 5, "勞工保險局": 5}}
    for code in ("phone_courtesy_self", "phone_courtesy_hq"):
        ledgers[code] = {"person_times": rng.randint(1, 30), "average": Decimal("93.3"), "rating": "優等"}
    ledgers["lunch_duty_services"] = {"value": rng.randint(100, 400), "overtime_ntd_per_hour": 50,
                                      "hours_per_year_approx": 249}
    for code in ("store_collections", "insurance_collections"):
        ledgers[code] = {"cases": rng.randint(1000, 30000), "amount_ntd": rng.randint(10**6, 10**8)}
    ledgers["trainings"] = [{"date": f"2015-0{m}-1{m}", "topic": f"課程{m}", "speaker": f"講座{m}"}
                            for m in range(1, 7)]
    ledgers["public_welfare"] = [{"date": f"2015-0{m}-0{m}", "title": f"活動{m}", "partner": None,
                                  "person_hours": rng.randint(10, 90), "persons": None, "bags": None,
                                  "cc": None} for m in range(1, 5)]
    return {
        "agency": agency, "period": period,
        "org": {"sections": 15, "divisions": 2, "offices": 5, "staff": 53, "enforcement_staff": 45,
                "workdays": 61, "workdays_ytd": 117, "workdays_year": 249},
        "survey": {"respondents": 26, "respondents_ytd": 59, "questions": questions},
        "petitions": {"received": 9, "received_ytd": 19, "closed_ytd": 19,
                      "average_days_ytd": Decimal("4.3"), "overdue_open": 0, "closed_late_ytd": 0,
                      "not_processed_ytd": 0, "by_channel_ytd": {"web": 10, "letter": 9},
                      "by_category_ytd": {"case": 12, "attitude": 7}},
        "media": {"negative_news_ytd": 0, "press_releases_ytd": 6},
        "ledgers": ledgers,
    }


PERIOD = {"code": "2015Q2", "kind": "quarter", "start": "2015-04-01", "end": "2015-06-30",
          "year_to_date": {"code": "2015-01..2015-06", "kind": "range", "start": "2015-01-01",
                           "end": "2015-06-30"},
          "previous": {"code": "2015Q1", "kind": "quarter", "start": "2015-01-01", "end": "2015-03-31"}}


def agency(code, name, short, kind="branch"):
    return {"code": code, "name": name, "short_name": short, "name_en": "", "kind": kind,
            "parent": None if kind == "hq" else "aee", "consolidated": kind == "hq"}


def time_renderers(figures, runs: int) -> dict[str, float]:
    from servq.reports.compose import compose
    from servq.reports.defaults import default_source
    from servq.reports.language import parse_template
    from servq.reports.renderers import FORMAT_ORDER, render

    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        started = time.perf_counter()
        document = compose(parse_template(default_source()), figures)
        samples.setdefault("compose (with charts)", []).append(time.perf_counter() - started)
        for fmt in FORMAT_ORDER:
            t = time.perf_counter()
            render(fmt, document, figures.current)
            samples.setdefault(fmt, []).append(time.perf_counter() - t)
        samples.setdefault("total", []).append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in samples.items()}


def print_table(title: str, timings: dict[str, float], target: float):
    print(f"\n{title}")
    for name, seconds in timings.items():
        print(f"  {name:<24} {seconds * 1000:8.0f} ms")
    verdict = "OK" if timings["total"] < target else "OVER TARGET"
    print(f"  target < {target:.0f} s: {verdict}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servq.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ["DATABASE_URL"] = ("sqlite:///var/bench/reports.sqlite3" if args.database == "sqlite"
                                  else "postgres://postgres@127.0.0.1:5432/bench_reports")
    import django

    django.setup()
    from servq.reports.defaults import missing_providers
    from servq.reports.figureset import FigureSet

    print(f"load: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    rng = random.Random(2015)
    shilin = agency("sly", "法務部行政執行署士林分署", "士林分署")
    branch = FigureSet(contract_tree(shilin, PERIOD, rng), contract_tree(shilin, PERIOD, rng))
    print_table("1. one branch-quarter, default template, all five formats (median of "
                f"{args.runs})", time_renderers(branch, args.runs), 5)

    hq = agency("aee", "法務部行政執行署", "行政執行署", "hq")
    branches = [contract_tree(agency(f"b{i:02d}", f"分署{i}", f"分署{i}"), PERIOD, rng)
                for i in range(13)]
    consolidated = FigureSet(contract_tree(hq, PERIOD, rng), contract_tree(hq, PERIOD, rng), branches)
    print_table("2. HQ consolidated over 13 branches: compose + render (figures given)",
                time_renderers(consolidated, args.runs), 15)

    missing = missing_providers()
    if missing:
        print(f"\n3. end to end over generated records: SKIPPED until {', '.join(missing)} are "
              "merged (their benchmark generators make the five years of data).")
        return
    print("\n3. end to end: run the other apps' generators into the scratch database, then "
          "time services.build_run for sly 2015Q2 and for aee --consolidated (to be wired "
          "to those generators after the merge).")


if __name__ == "__main__":
    main()

"""Importing 100,000 questionnaire responses (21 answers each) from CSV: target < 15 s per DB.

Writes a CSV as Excel would (UTF-8 with BOM; serials, mixed channels, some skipped answers),
then runs the real command `import_responses FILE --agency tpy` against a scratch database,
after removing the previous run's rows. Usage: bench/bench_surveys_import.py [--db sqlite|postgres|both]
[--responses 100000]
"""

import csv
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _surveys_scratch as scratch  # noqa: E402

AGENCY = "tpy"


def write_csv(path: Path, responses: int, codes: list[str]) -> None:
    rng = random.Random(104)
    five = ["5"] * 45 + ["4"] * 35 + ["3"] * 12 + ["2"] * 4 + ["1"] * 2 + [""] * 2
    aware = ["yes"] * 70 + ["no"] * 28 + [""] * 2
    pools = [aware if code.startswith("aware") else five for code in codes]
    channels = ["paper", "paper", "kiosk", "web"]
    start = date(2015, 1, 1)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["submitted_on", "channel", "serial", *codes])
        for i in range(responses):
            day = start + timedelta(days=i * 365 // responses)
            answers = [rng.choice(pool) for pool in pools]
            if not any(answers):
                answers[0] = "5"
            writer.writerow([day.isoformat(), channels[i % 4], f"B{i:06d}", *answers])


def child(args) -> None:
    scratch.setup_django()
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    from servq.core.models import Agency
    from servq.surveys.models import Response
    from servq.surveys.structure import load_structure, questionnaire_in_effect

    agency = Agency.objects.get(code=AGENCY)
    structure = load_structure(questionnaire_in_effect(agency, timezone.localdate()))
    codes = [q.code for q in structure.choice_questions]
    path = scratch.ROOT / "var" / "bench" / f"surveys-import-{args.responses}.csv"
    if not path.exists():
        write_csv(path, args.responses, codes)
    scratch.clear_agency(agency)
    out = StringIO()
    started = time.perf_counter()
    call_command("import_responses", str(path), agency=AGENCY, stdout=out)
    elapsed = time.perf_counter() - started
    imported = Response.objects.filter(agency=agency).count()
    assert imported == args.responses, (imported, args.responses)
    print(f"import {args.responses:,} responses × {len(codes)} questions from CSV "
          f"({path.stat().st_size / 1e6:.1f} MB): {elapsed:.2f} s   [{scratch.machine()}]")
    print(f"  {out.getvalue().strip()}")


if __name__ == "__main__":
    sys.exit(scratch.main(__file__, __doc__, child, sys.argv[1:], lambda p: p.add_argument(
        "--responses", type=int, default=100_000)))

"""A quarter's full questionnaire statistics on 250,000 responses: target < 100 ms per DB.

The generator writes 1,000,000 responses of 21 questions for Shilin (sly), 250,000 in each
quarter of 2015, straight into a scratch database: responses by COPY (PostgreSQL) or
executemany (SQLite); answers by one INSERT ... SELECT that joins each response to one of 1,000
answer patterns (drawn from realistic distributions, with skips); the monthly tallies from the
same patterns' counts. Then it times the `survey` figures of 2015Q2 (every question, option,
percentage, top-two share, ranking, previous quarter and year to date) as a report asks them.
Usage: bench/bench_surveys_stats.py [--db sqlite|postgres|both] [--responses 1000000]
[--regenerate] [--verify (also recount the tallies from the 21M answers and compare)]
"""

import random
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _surveys_scratch as scratch  # noqa: E402

AGENCY = "sly"
PATTERNS = 1000
RUNS = 30


def make_patterns(questions) -> list[list[tuple[int, str]]]:
    rng = random.Random(2015)
    five = ["5"] * 50 + ["4"] * 32 + ["3"] * 11 + ["2"] * 3 + ["1"] * 1 + [None] * 3
    aware = ["yes"] * 68 + ["no"] * 30 + [None] * 2
    patterns = []
    for _ in range(PATTERNS):
        answers = []
        for question in questions:
            option = rng.choice(aware if question.scale_code == "aware2" else five)
            if option is not None:
                answers.append((question.id, option))
        patterns.append(answers or [(questions[0].id, "5")])
    return patterns


def response_days(total: int, years=(2015,)):
    """Days with exactly total/4 responses in each quarter of 2015 (or spread evenly over the
    quarters of several years: bench_reports.py fills five)."""
    from servq.core.periods import Period

    per_quarter = total // (4 * len(years))
    for year in years:
        for quarter in range(1, 5):
            period = Period.quarter(year, quarter)
            for i in range(per_quarter):
                yield period.start + timedelta(days=i * period.days // per_quarter)


def generate(agency, structure, total: int, years=(2015,)) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from servq.surveys.models import AnswerTally, RespondentTally
    from servq.surveys.tally import month_of

    questionnaire = structure.questionnaire
    patterns = make_patterns(structure.choice_questions)
    channels = ["paper", "paper", "kiosk", "web"]
    created = connection.ops.adapt_datetimefield_value(timezone.now())
    scratch.clear_agency(agency)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM surveys_response")
        first_id = cursor.fetchone()[0] + 1

        by_month_pattern: Counter = Counter()
        by_month_channel: Counter = Counter()
        rows = []
        for index, day in enumerate(response_days(total, years)):
            response_id = first_id + index
            channel = channels[index % 4]
            month = month_of(day)
            by_month_pattern[(month, response_id % PATTERNS)] += 1
            by_month_channel[(month, channel)] += 1
            rows.append((response_id, agency.pk, questionnaire.pk, created, day, channel))
        columns = "id, agency_id, questionnaire_id, created_at, submitted_on, channel"
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY surveys_response ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('surveys_response', 'id'), "
                           f"{first_id + len(rows)})")
        else:
            adapt = connection.ops.adapt_datefield_value
            cursor.executemany(f"INSERT INTO surveys_response ({columns}) "
                               "VALUES (%s, %s, %s, %s, %s, %s)",
                               [row[:4] + (adapt(row[4]), row[5]) for row in rows])
        del rows

        cursor.execute("DROP TABLE IF EXISTS bench_pattern")
        cursor.execute("CREATE TABLE bench_pattern (pattern integer, question_id bigint, "
                       "option varchar(8), PRIMARY KEY (pattern, question_id))")
        cursor.executemany("INSERT INTO bench_pattern VALUES (%s, %s, %s)",
                           [(p, qid, option) for p, answers in enumerate(patterns)
                            for qid, option in answers])
        cursor.execute(
            "INSERT INTO surveys_answer (response_id, question_id, option) "
            "SELECT r.id, p.question_id, p.option FROM surveys_response r "
            f"JOIN bench_pattern p ON p.pattern = r.id %% {PATTERNS} "
            "WHERE r.agency_id = %s ORDER BY r.id, p.question_id", [agency.pk])
        cursor.execute("DROP TABLE bench_pattern")

        tally: Counter = Counter()
        for (month, pattern), n in by_month_pattern.items():
            for qid, option in patterns[pattern]:
                tally[(month, qid, option)] += n
        AnswerTally.objects.bulk_create(
            AnswerTally(agency=agency, questionnaire=questionnaire, month=month, question_id=qid,
                        option=option, n=n) for (month, qid, option), n in tally.items())
        RespondentTally.objects.bulk_create(
            RespondentTally(agency=agency, questionnaire=questionnaire, month=month,
                            channel=channel, n=n)
            for (month, channel), n in by_month_channel.items())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE surveys_response")
            cursor.execute("VACUUM ANALYZE surveys_answer")


def child(args) -> None:
    scratch.setup_django()
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from servq.core.models import Agency
    from servq.core.periods import Period
    from servq.reports.registry import ReportScope
    from servq.surveys.figures import survey_figures
    from servq.surveys.models import Answer, Response
    from servq.surveys.structure import load_structure, questionnaire_in_effect
    from servq.surveys.tally import tally_compare

    agency = Agency.objects.get(code=AGENCY)
    structure = load_structure(questionnaire_in_effect(agency, date(2015, 1, 1)))
    have = Response.objects.filter(agency=agency).count()
    if args.regenerate or have != args.responses:
        started = time.perf_counter()
        generate(agency, structure, args.responses)
        print(f"generated {args.responses:,} responses, "
              f"{Answer.objects.count():,} answers and their tallies in "
              f"{time.perf_counter() - started:.1f} s")

    scope = ReportScope.for_agency(agency, Period.parse("2015Q2"))
    survey_figures(scope)  # warm the connection and caches
    samples = []
    for _ in range(RUNS):
        reset_queries()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            figures = survey_figures(scope)
        samples.append(time.perf_counter() - started)
    print(f"2015Q2 survey figures, {figures['respondents']:,} responses in the quarter "
          f"({figures['respondents_ytd']:,} year to date), {len(figures['questions'])} questions, "
          f"{len(queries)} queries: {scratch.summary_ms(samples)}   [{scratch.machine()}]")
    if args.verify:
        started = time.perf_counter()
        differences = tally_compare(agency_ids=[agency.pk])
        print(f"recount of the tallies from the raw answers: {len(differences)} differences, "
              f"{time.perf_counter() - started:.1f} s")


def options(p) -> None:
    p.add_argument("--responses", type=int, default=1_000_000)
    p.add_argument("--regenerate", action="store_true")
    p.add_argument("--verify", action="store_true")


if __name__ == "__main__":
    sys.exit(scratch.main(__file__, __doc__, child, sys.argv[1:], options))

"""Public-site search over 100,000 documents: latency of search_documents() on SQLite and
PostgreSQL for a mix of 1-, 2- and 3+-character Chinese queries (target: median and p95 under
50 ms).

The generator writes N documents of about 400 characters, all in ONE agency and ONE language
(the worst case: a search is scoped to an agency and a language), from a vocabulary with a
Zipf-like frequency, so some words are in most documents and some in few. Each measured call
is the whole search as the page runs it (kind counts + one ranked page of 20).

    .venv/bin/python bench/bench_portal_search.py                 # both databases
    .venv/bin/python bench/bench_portal_search.py --db sqlite --docs 20000 --rounds 5

Scratch databases: var/bench/portal_search.sqlite3 and the PostgreSQL database bench_portal
(BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/bench_portal); the data are kept
between runs and regenerated when --docs changes or with --regenerate.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = ROOT / "var" / "bench" / "portal_search.sqlite3"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_portal")

# Words of the domain (frequent) and filler characters for pseudo-words (the long tail).
DOMAIN_WORDS = ("行政執行 拍賣 不動產 動產 陳情 繳款 分期 欠稅 綜合所得稅 營業稅 地價稅 房屋稅 罰鍰 "
                "健保 勞保 便利商店 超商 公告 義務人 移送機關 執行官 書記官 查封 扣押 薪資 存款 "
                "保證金 投標 點交 承受 分配 異議 委任 閱覽 卷宗 服務台 午休 民意信箱 廉政 "
                "為民服務 滿意度 問卷 統計 預算 採購 會議 訓練 宣導 公益 志工").split()
FILLER = ("的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工"
          "也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起"
          "小物現實加量都兩體制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事"
          "平形相全表間樣與關各重新線內數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解")
QUERIES = {
    "1 char": ["稅", "款", "車", "屋", "罰", "鍰", "巍"],  # 巍: rare (a near-full scan)
    "2 chars": ["陳情", "拍賣", "繳款", "分期", "健保", "查封", "保證", "鑫淼"],  # 鑫淼: absent
    "3+ chars": ["不動產", "綜合所得稅", "便利商店", "民意信箱", "行政執行", "移送機關",
                 "書記官 拍賣", "鑫淼焱"],
}


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """3,000 words with Zipf weights; the domain words sit at ranks 5-600, so the commonest
    is in about half the documents and the rarest in a few percent."""
    words = []
    while len(words) < 3000:
        words.append("".join(rng.choice(FILLER) for _ in range(rng.choice((2, 2, 3, 4)))))
    for word in DOMAIN_WORDS:
        words.insert(rng.randint(5, 600), word)
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(words))]
    return words, weights


def documents(count: int, seed: int = 20150630):
    rng = random.Random(seed)
    words, weights = vocabulary(rng)
    for number in range(count):
        title = "".join(rng.choices(words, weights, k=rng.randint(3, 6)))
        body_words = rng.choices(words, weights, k=150)
        body, length = [], 0
        for word in body_words:
            body.append(word)
            length += len(word)
            if length >= 400:
                break
        yield number, title, "，".join(body)


def child(args) -> None:
    """Runs inside Django with DATABASE_URL pointing at the scratch database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servq.settings")
    django.setup()
    from datetime import date, timedelta

    from django.core.management import call_command
    from django.db import connection, transaction

    from servq.core.models import Agency
    from servq.portal.models import SearchDocument
    from servq.portal.search import search_documents
    from servq.portal.search_index import grams_rebuild

    call_command("migrate", verbosity=0)
    agency, _ = Agency.objects.get_or_create(
        code="bench", defaults=dict(name="效能測試機關", short_name="效能測試", kind="branch"))
    existing = SearchDocument.objects.filter(agency=agency).count()
    if existing != args.docs or args.regenerate:
        started = time.perf_counter()
        SearchDocument.objects.filter(agency=agency).delete()
        first_day = date(2010, 1, 1)
        batch = []
        with transaction.atomic():
            for number, title, body in documents(args.docs):
                batch.append(SearchDocument(
                    agency=agency, language="zh-hant", kind=("news", "page", "faq", "form",
                                                             "disclosure")[number % 5],
                    key=f"bench:{number}", title=title, body=body, url=f"/bench/{number}/",
                    sort_date=first_day + timedelta(days=number % 5000),
                    haystack=f"{title}\n{body}".lower()))
                if len(batch) == 2000:
                    SearchDocument.objects.bulk_create(batch)
                    batch = []
            SearchDocument.objects.bulk_create(batch)
            grams_rebuild()  # SQLite's single-character table (services do this per document)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"  generated {args.docs:,} documents in {time.perf_counter() - started:.1f} s",
              file=sys.stderr)
    results = {}
    for label, queries in QUERIES.items():
        for q in queries:  # warm the cache once
            search_documents(q=q, language="zh-hant", agency=agency)
        timings, totals = [], {}
        for _ in range(args.rounds):
            for q in queries:
                started = time.perf_counter()
                outcome = search_documents(q=q, language="zh-hant", agency=agency)
                timings.append((time.perf_counter() - started) * 1000)
                totals[q] = outcome.total
        results[label] = {"timings": timings, "totals": totals}
    print(json.dumps({"vendor": connection.vendor, "results": results}))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def ensure_pg_database(url: str) -> None:
    import psycopg
    from urllib.parse import urlparse

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(host=parts.hostname, port=parts.port or 5432,
                         user=parts.username or "postgres", password=parts.password,
                         dbname="postgres", autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                   [name]).fetchone()
        if not found:
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 '
                               "ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return 0
    targets = []
    if args.db in ("sqlite", "both"):
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        targets.append(("SQLite", f"sqlite:///{SQLITE_PATH}"))
    if args.db in ("postgres", "both"):
        ensure_pg_database(PG_URL)
        targets.append(("PostgreSQL", PG_URL))
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1/5 min), "
          f"{args.docs:,} documents, {args.rounds} rounds")
    print(f"| database | queries | calls | median ms | p95 ms | max ms |")
    print(f"|---|---|---|---|---|---|")
    status = 0
    for label, url in targets:
        env = dict(os.environ, DATABASE_URL=url, SECRET_KEY="bench", DEBUG="")
        command = [sys.executable, __file__, "--child", "--docs", str(args.docs),
                   "--rounds", str(args.rounds)] + (["--regenerate"] if args.regenerate else [])
        output = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
        if output.returncode:
            print(output.stderr, file=sys.stderr)
            return 1
        sys.stderr.write(output.stderr)
        data = json.loads(output.stdout.strip().splitlines()[-1])
        everything = []
        for kind, result in data["results"].items():
            timings = result["timings"]
            everything += timings
            print(f"| {label} | {kind} | {len(timings)} | {statistics.median(timings):.1f} | "
                  f"{percentile(timings, 0.95):.1f} | {max(timings):.1f} |")
        median, p95 = statistics.median(everything), percentile(everything, 0.95)
        print(f"| {label} | **all** | {len(everything)} | **{median:.1f}** | **{p95:.1f}** | "
              f"{max(everything):.1f} |")
        status |= int(median >= 50 or p95 >= 50)
    return status


if __name__ == "__main__":
    sys.exit(main())

"""Full-text search over the public site (reads only; the index is written by search_index.py).

What is found is defined once, the same on every database: a document matches when each term
of the query is a substring of its `haystack` (lower-cased title and text), so a Chinese word
of one or two characters (稅, 陳情) is found like any other. The databases only differ in how
they find the matches quickly, and every index path is rechecked with an exact substring test:

- SQLite: terms of 3+ characters through the FTS5 trigram table; shorter terms through the
  FTS5 table of single characters (a phrase of characters). The trigram table cannot match
  1-2 characters, and SQLite 3.40's LIKE on it silently returns nothing for 2.
- PostgreSQL: first the newest documents in id order (common words stop there); then 3+
  characters with LIKE served by the pg_trgm GIN index, shorter terms through the GIN index of
  the characters each text holds (the generated tsvector column `chars`).

Candidates are the CANDIDATE_LIMIT newest-indexed matches (highest id first): an index can
stop there, so a word found in half the documents costs no more than a rare one, and the
page then says "more than N results". The candidates are ranked by one SQL expression, the
same on both databases: per term, 10 points if it occurs in the title, plus its number of
occurrences (at most 20); ties go to the newer document.
"""

from dataclasses import dataclass, field
from functools import cache

from django.db import connection
from django.db.models import Case, ExpressionWrapper, IntegerField, Value, When
from django.db.models.functions import Length, Least, Replace, StrIndex
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SearchDocument
from .search_index import grams

CANDIDATE_LIMIT = 400
MAX_TERMS = 5
MAX_TERM_LENGTH = 40
PAGE_SIZE = 20
TITLE_POINTS = 10
OCCURRENCE_CAP = 20
RECENT_WINDOW = 8000  # PostgreSQL's first pass: words in 5 % of documents fill the limit here


def parse_query(q: str) -> list[str]:
    """Lower-cased distinct terms, split on spaces (also the ideographic space)."""
    terms: list[str] = []
    for raw in (q or "").replace("\u3000", " ").split():
        term = raw.lower()[:MAX_TERM_LENGTH]
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _scope_sql(alias: str, language: str, agency, kinds) -> tuple[list[str], list]:
    # News dated after today is not published yet: left out here, so no job has to index it
    # on its day (the news pages filter the same way).
    where = [f"{alias}.language = %s", f"({alias}.kind <> %s OR {alias}.sort_date <= %s)"]
    params = [language, SearchDocument.Kind.NEWS, timezone.localdate()]
    if agency is not None:
        where.append(f"{alias}.agency_id = %s")
        params.append(agency.pk)
    if kinds:
        where.append(f"{alias}.kind IN ({', '.join(['%s'] * len(kinds))})")
        params += list(kinds)
    return where, params


def _sqlite_candidates(terms, language, agency, kinds, limit) -> list[tuple[int, str]]:
    """Driven by the FTS table of the longest term, newest rowid first, stopping at the limit."""
    driver = max(terms, key=len)
    if len(driver) >= 3:
        table, match = "portal_search_fts", _fts_phrase(driver)
    else:
        table, match = "portal_search_grams", _fts_phrase(grams(driver))
    where, params = _scope_sql("d", language, agency, kinds)
    for term in terms:  # exact for every term, including the driver
        where.append("instr(d.haystack, %s) > 0")
        params.append(term)
    sql = (f"SELECT d.id, d.kind FROM {table} f JOIN portal_searchdocument d ON d.id = f.rowid "
           f"WHERE {table} MATCH %s AND {' AND '.join(where)} "
           f"ORDER BY f.rowid DESC LIMIT {int(limit)}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *params])
        return cursor.fetchall()


@cache
def _pg_tsvector_sees_chinese() -> bool:
    """Whether this database's text parser makes a word of a Chinese character (it does under a
    UTF-8 LC_CTYPE such as C.UTF-8; under plain C it does not, and short terms are LIKE-scanned)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('simple', '陳 情') @@ plainto_tsquery('simple', '陳 情')")
        return bool(cursor.fetchone()[0])


def _pg_indexed_sql(term: str) -> tuple[str, list]:
    """A condition the planner can answer from an index, made exact by LIKE."""
    exact = "d.haystack LIKE %s"
    if len(term) >= 3 or not any(c.isalnum() for c in term) or not _pg_tsvector_sees_chinese():
        return exact, [_like(term)]  # pg_trgm's GIN index for 3+ characters
    # Documents holding every character of the term (exact in the GIN index, no recheck),
    # then the substring test on the row.
    return (f"d.chars @@ plainto_tsquery('simple', %s) AND {exact}",
            [" ".join(term), _like(term)])


def _postgres_candidates(terms, language, agency, kinds, limit, window) -> list[tuple[int, str]]:
    """Two passes, because PostgreSQL cannot estimate how common a Chinese word is:

    1. the newest `window` documents in id order, stopping at the limit: a common word
       fills the limit here, and then these are exactly the newest matches overall;
    2. otherwise the indexes (trigram or single characters), which are quick for rare words.
    """
    where, params = _scope_sql("d", language, agency, kinds)
    likes = ["w.haystack LIKE %s"] * len(terms)
    recent = (f"SELECT w.id, w.kind FROM (SELECT d.id, d.kind, d.haystack "
              f"FROM portal_searchdocument d WHERE {' AND '.join(where)} "
              f"ORDER BY d.id DESC LIMIT {int(window)}) w "
              f"WHERE {' AND '.join(likes)} ORDER BY w.id DESC LIMIT {int(limit)}")
    with connection.cursor() as cursor:
        cursor.execute(recent, [*params, *(_like(term) for term in terms)])
        rows = cursor.fetchall()
        if len(rows) == limit:
            return rows
        for term in terms:
            condition, more = _pg_indexed_sql(term)
            where.append(condition)
            params += more
        # MATERIALIZED: find every match through the indexes first; left to itself the planner
        # walks the primary key backwards (it believes the word common) and reads every row.
        cursor.execute(f"WITH m AS MATERIALIZED (SELECT d.id, d.kind FROM portal_searchdocument d "
                       f"WHERE {' AND '.join(where)}) "
                       f"SELECT id, kind FROM m ORDER BY id DESC LIMIT {int(limit)}", params)
        return cursor.fetchall()


def candidates(terms: list[str], *, language: str, agency=None, kinds=None,
               limit: int = CANDIDATE_LIMIT, window: int = RECENT_WINDOW):
    """(id, kind) of the newest `limit` documents containing every term, newest first."""
    if connection.vendor == "sqlite":
        return _sqlite_candidates(terms, language, agency, kinds, limit)
    return _postgres_candidates(terms, language, agency, kinds, limit, window)


def _score(terms: list[str]):
    total = Value(0)
    for term in terms:
        first = StrIndex("haystack", Value(term))
        in_title = Case(
            When(GreaterThan(first, 0), then=Case(
                When(LessThanOrEqual(first, Length("title")), then=Value(TITLE_POINTS)),
                default=Value(0))),
            default=Value(0), output_field=IntegerField(),
        )
        removed = Length("haystack") - Length(Replace("haystack", Value(term), Value("")))
        occurrences = removed / Value(len(term))
        total = total + in_title + Least(occurrences, Value(OCCURRENCE_CAP))
    return ExpressionWrapper(total, output_field=IntegerField())


@dataclass
class SearchResult:
    terms: list[str]
    results: list = field(default_factory=list)
    total: int = 0
    capped: bool = False
    kind_counts: dict[str, int] = field(default_factory=dict)
    page: int = 1
    pages: int = 1


def search_documents(*, q: str, language: str, agency=None, kinds: list[str] | None = None,
                     page: int = 1) -> SearchResult:
    terms = parse_query(q)
    outcome = SearchResult(terms=terms, page=page)
    if not terms:
        return outcome
    found = candidates(terms, language=language, agency=agency)
    for _pk, kind in found:
        outcome.kind_counts[kind] = outcome.kind_counts.get(kind, 0) + 1
    outcome.capped = len(found) >= CANDIDATE_LIMIT
    if kinds:
        found = (candidates(terms, language=language, agency=agency, kinds=kinds)
                 if outcome.capped else [row for row in found if row[1] in kinds])
    outcome.total = len(found)
    outcome.pages = max(1, -(-outcome.total // PAGE_SIZE))
    outcome.page = min(max(1, page), outcome.pages)
    if not found:
        return outcome
    start = (outcome.page - 1) * PAGE_SIZE
    ranked = (SearchDocument.objects.filter(pk__in=[pk for pk, _kind in found])
              .annotate(score=_score(terms))
              .order_by("-score", "-sort_date", "-id")
              .select_related("agency")
              .only("kind", "key", "title", "body", "url", "sort_date", "agency__short_name",
                    "agency__name_en"))
    outcome.results = list(ranked[start:start + PAGE_SIZE])
    return outcome


def highlight(text: str, terms: list[str]) -> SafeString:
    """`text` escaped, with each occurrence of a term wrapped in <mark>."""
    lowered = text.lower()
    if len(lowered) != len(text):  # rare case-folding that changes length: no marks
        return escape(text)
    spans, position = [], 0
    while position < len(text):
        hits = [(lowered.find(t, position), t) for t in terms]
        hits = [(i, t) for i, t in hits if i >= 0]
        if not hits:
            break
        start, term = min(hits, key=lambda hit: (hit[0], -len(hit[1])))
        spans.append(escape(text[position:start]))
        spans.append(f"<mark>{escape(text[start:start + len(term)])}</mark>")
        position = start + len(term)
    spans.append(escape(text[position:]))
    return mark_safe("".join(spans))


def excerpt(text: str, terms: list[str], width: int = 90) -> SafeString:
    """About `width` characters of `text` around its first match, highlighted."""
    flat = " ".join(text.split())
    lowered = flat.lower()
    firsts = [i for i in (lowered.find(t) for t in terms) if i >= 0]
    start = max(0, min(firsts) - width // 3) if firsts else 0
    piece = flat[start:start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(flat) else ""
    return mark_safe(prefix + highlight(piece, terms) + suffix)

"""Full-text search over the public site (reads only; the index is written by search_index.py).

Matching is substring matching on `SearchDocument.haystack` (lower-cased title + text), so a
Chinese word of one or two characters (稅, 陳情) is found like any other. Every term of the
query must occur. The database decides how a term is found, never what is found:

- SQLite: terms of 3+ characters through the FTS5 trigram table `portal_search_fts`;
  shorter terms with LIKE on the plain table (the trigram table cannot match them, and
  SQLite 3.40's LIKE on it silently returns nothing for 2 characters).
- PostgreSQL: LIKE on the plain table, served by a pg_trgm GIN index for 3+ characters.

Ranking is one SQL expression computed the same way on both databases: per term, 10 points
if it occurs in the title, plus its number of occurrences (at most 20); ties go to the newer
document. Only the CANDIDATE_LIMIT newest matches are ranked: that bounds the cost of very
common words, and the page then says "more than N results".
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    Case, Count, ExpressionWrapper, IntegerField, Q, Subquery, Value, When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Least, Replace, StrIndex
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SearchDocument

CANDIDATE_LIMIT = 1000
MAX_TERMS = 5
MAX_TERM_LENGTH = 40
PAGE_SIZE = 20
TITLE_POINTS = 10
OCCURRENCE_CAP = 20


def parse_query(q: str) -> list[str]:
    """Lower-cased distinct terms, split on spaces (also the ideographic space)."""
    terms: list[str] = []
    for raw in (q or "").replace("\u3000", " ").split():
        term = raw.lower()[:MAX_TERM_LENGTH]
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _term_filter(term: str) -> Q:
    if connection.vendor == "sqlite" and len(term) >= 3:
        return Q(pk__in=RawSQL(
            "SELECT rowid FROM portal_search_fts WHERE portal_search_fts MATCH %s",
            [_fts_phrase(term)],
        ))
    return Q(haystack__contains=term)


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
    scope = SearchDocument.objects.filter(language=language)
    if agency is not None:
        scope = scope.filter(agency=agency)
    for term in terms:
        scope = scope.filter(_term_filter(term))

    def candidates(queryset):
        return Subquery(queryset.order_by("-sort_date", "-id").values("pk")[:CANDIDATE_LIMIT])

    counts = (SearchDocument.objects.filter(pk__in=candidates(scope))
              .values("kind").annotate(n=Count("id")).order_by())
    outcome.kind_counts = {row["kind"]: row["n"] for row in counts}
    chosen = scope.filter(kind__in=kinds) if kinds else scope
    outcome.total = (sum(n for k, n in outcome.kind_counts.items() if k in kinds) if kinds
                     else sum(outcome.kind_counts.values()))
    outcome.capped = sum(outcome.kind_counts.values()) >= CANDIDATE_LIMIT
    outcome.pages = max(1, -(-outcome.total // PAGE_SIZE))
    outcome.page = min(max(1, page), outcome.pages)
    start = (outcome.page - 1) * PAGE_SIZE
    ranked = (SearchDocument.objects.filter(pk__in=candidates(chosen))
              .annotate(score=_score(terms))
              .order_by("-score", "-sort_date", "-id")
              .select_related("agency")
              .only("kind", "title", "body", "url", "sort_date", "agency__short_name",
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

"""Writing the search index: one SearchDocument per item and language.

Content services call `index_item` / `unindex_item` inside their transaction, so the index
never disagrees with the content. Pages that are code, not content (the questionnaire, the
mailboxes, the payment guide...) are declared by each app in a `search_pages.py` module with
a list `PAGES` of `StaticPage`; `static_pages_sync` writes them for an agency.
"""

import importlib
import importlib.util
from dataclasses import dataclass
from datetime import date
from functools import cache

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from servq.core.models import Agency

from .models import (
    DisclosureEntry, DownloadForm, FaqEntry, NewsItem, Page, SearchDocument, in_language,
)
from .prose import plain_text

Kind = SearchDocument.Kind
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class StaticPage:
    """A page of an app's public site, findable by search (e.g. the opinion mailbox)."""

    key: str  # unique across apps, e.g. "petitions.opinion-mailbox"
    url_name: str  # reversed with kwargs {"agency": code}
    title_zh: str
    title_en: str
    body_zh: str
    body_en: str
    kind: str = Kind.PAGE
    menu: bool = False  # also a link in the site's main menu


@cache
def static_pages() -> tuple[StaticPage, ...]:
    """Every app's declared pages (modules `servq.<app>.search_pages`, attribute PAGES)."""
    pages: list[StaticPage] = []
    for app in apps.get_app_configs():
        module_name = f"{app.name}.search_pages"
        if app.name.startswith("servq.") and importlib.util.find_spec(module_name):
            pages.extend(importlib.import_module(module_name).PAGES)
    return tuple(pages)


def _haystack(title: str, body: str) -> str:
    # Title first: a match within the first len(title) characters is a title match (search.py).
    return f"{title}\n{body}".lower()


GRAM_PLACEHOLDER = "x0"  # stands for any character that is not a letter or digit


def grams(text: str) -> str:
    """The text as single-character tokens for the SQLite grams table: "陳情 a" -> "陳 情 x0 a".

    A phrase of these tokens is a substring of the text; the placeholder makes every other
    character take one position too (search.py rechecks such terms against the haystack).
    """
    return " ".join(c if c.isalnum() else GRAM_PLACEHOLDER for c in text)


def _grams_put(rows) -> None:
    """(id, haystack) pairs into SQLite's grams table (its delete trigger clears old rows)."""
    if connection.vendor != "sqlite":
        return
    rows = list(rows)
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM portal_search_grams WHERE rowid = %s",
                           [(pk,) for pk, _ in rows])
        cursor.executemany("INSERT INTO portal_search_grams(rowid, grams) VALUES (%s, %s)",
                           [(pk, grams(haystack)) for pk, haystack in rows])


def grams_rebuild(batch: int = 2000) -> int:
    """Re-create SQLite's grams table from the documents (after a bulk load)."""
    if connection.vendor != "sqlite":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM portal_search_grams")
    rows = SearchDocument.objects.order_by("pk").values_list("pk", "haystack")
    done, last = 0, 0
    while True:
        chunk = list(rows.filter(pk__gt=last)[:batch])
        if not chunk:
            return done
        _grams_put(chunk)
        done, last = done + len(chunk), chunk[-1][0]


def _put(*, agency: Agency, language: str, key: str, kind: str, title: str, body: str,
         url: str, sort_date: date) -> None:
    haystack = _haystack(title, body)
    document, _ = SearchDocument.objects.update_or_create(
        agency=agency, language=language, key=key,
        defaults=dict(kind=kind, title=title, body=body, url=url, sort_date=sort_date,
                      haystack=haystack),
    )
    _grams_put([(document.pk, haystack)])


def _url(name: str, agency: Agency, language: str, fragment: str = "", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs={"agency": agency.code, **kwargs}) + fragment


def _entries(item):
    """(kind, sort date, fn(language) -> (title, body, url)) for a content item; None: not public."""
    agency = item.agency
    if isinstance(item, NewsItem):
        return (Kind.NEWS, item.published_on, lambda lang: (
            in_language(item, "title", lang), plain_text(in_language(item, "body", lang)),
            _url("portal:news-detail", agency, lang, pk=item.pk)))
    if isinstance(item, Page):
        return (Kind.PAGE, item.updated_on, lambda lang: (
            in_language(item, "title", lang), plain_text(in_language(item, "body", lang)),
            _url("portal:page", agency, lang, slug=item.slug)))
    if isinstance(item, FaqEntry):
        return (Kind.FAQ, item.updated_on, lambda lang: (
            in_language(item, "question", lang), plain_text(in_language(item, "answer", lang)),
            _url("portal:faq", agency, lang, fragment=f"#faq-{item.pk}")))
    if isinstance(item, DisclosureEntry):
        return (Kind.DISCLOSURE, item.published_on, lambda lang: (
            in_language(item, "title", lang), plain_text(in_language(item, "body", lang)),
            _url("portal:disclosure-detail", agency, lang, pk=item.pk)))
    if isinstance(item, DownloadForm):
        if item.withdrawn_on is not None:
            return None
        return (Kind.FORM, item.replaced_on, lambda lang: (
            in_language(item, "name", lang), plain_text(in_language(item, "description", lang)),
            _url("portal:forms", agency, lang, fragment=f"#form-{item.pk}")))
    raise TypeError(f"not searchable: {type(item).__name__}")


def _key(item) -> str:
    if isinstance(item, Page):
        return f"page:{item.slug}"
    prefix = {NewsItem: "news", FaqEntry: "faq", DisclosureEntry: "disclosure",
              DownloadForm: "form"}
    return f"{prefix[type(item)]}:{item.pk}"


def index_item(item) -> None:
    """Put `item` into the index in every language (or take it out if it is no longer public)."""
    entries = _entries(item)
    if entries is None:
        unindex_item(item)
        return
    kind, sort_date, texts = entries
    key = _key(item)
    for language in LANGUAGES:
        title, body, url = texts(language)
        _put(agency=item.agency, language=language, key=key, kind=kind, title=title,
             body=body, url=url, sort_date=sort_date)


def unindex_item(item) -> None:
    SearchDocument.objects.filter(agency=item.agency, key=_key(item)).delete()


def static_pages_sync(agency: Agency) -> int:
    """Write every declared static page for `agency`; drop ones no longer declared."""
    today = timezone.localdate()
    keys = []
    for page in static_pages():
        try:
            urls = {lang: _url(page.url_name, agency, lang) for lang in LANGUAGES}
        except NoReverseMatch:  # the app is declared but its page is not wired in this build
            continue
        key = f"static:{page.key}"
        keys.append(key)
        for language in LANGUAGES:
            english = language.startswith("en")
            _put(agency=agency, language=language, key=key, kind=page.kind,
                 title=page.title_en if english else page.title_zh,
                 body=page.body_en if english else page.body_zh,
                 url=urls[language], sort_date=today)
    SearchDocument.objects.filter(agency=agency, key__startswith="static:").exclude(
        key__in=keys).delete()
    return len(keys)


@transaction.atomic
def search_index_rebuild(*, agency: Agency | None = None) -> int:
    """Re-create the index from the content (of one agency, or all). Returns documents written."""
    agencies = [agency] if agency else list(Agency.objects.all())
    for one in agencies:
        SearchDocument.objects.filter(agency=one).delete()
        for model in (Page, NewsItem, FaqEntry, DisclosureEntry, DownloadForm):
            for item in model.objects.filter(agency=one).select_related("agency"):
                index_item(item)
        static_pages_sync(one)
    return SearchDocument.objects.filter(agency__in=agencies).count()

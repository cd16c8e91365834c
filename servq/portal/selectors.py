"""Reads for the public site: the agency a URL names, its menu and its content lists."""

from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Count
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from servq.core.models import Agency

from .models import DisclosureCategory, DisclosureEntry, DownloadForm, Page, SiteProfile
from .search_index import static_pages


def public_agency(code: str) -> Agency:
    """The agency of a public URL, with its site profile in the same query."""
    agency = Agency.objects.select_related("site_profile").filter(code=code).first()
    if agency is None:
        raise Http404("no such agency")
    return agency


def site_profile(agency: Agency) -> SiteProfile | None:
    try:
        return agency.site_profile  # fetched with the agency, or one query
    except SiteProfile.DoesNotExist:
        return None


@dataclass(frozen=True)
class MenuLink:
    key: str
    title_zh: str
    title_en: str
    url: str


# The portal's own pages, in menu order: (key, URL name, extra kwargs, zh, en).
PORTAL_MENU = [
    ("home", "portal:home", {}, "首頁", "Home"),
    ("service", "portal:page", {"slug": Page.Slug.SERVICE_GUIDE}, "為民服務", "Citizen services"),
    ("news", "portal:news", {}, "最新消息", "News"),
    ("forms", "portal:forms", {}, "書表下載", "Forms"),
    ("payment", "portal:payment", {}, "繳款方式查詢", "How to pay"),
    ("disclosure", "portal:disclosure", {}, "政府資訊公開", "Information disclosure"),
    ("faq", "portal:faq", {}, "常見問題", "FAQ"),
]


def site_menu(agency: Agency) -> tuple[MenuLink, ...]:
    """The portal's pages, then the pages other apps declare for the menu (questionnaire, ...)."""
    return _menu(agency.code, translation.get_language())


@lru_cache(maxsize=512)
def _menu(code: str, language: str) -> tuple[MenuLink, ...]:
    # The links depend only on code, language and the URLconf: built once per process.
    with translation.override(language):
        links = [MenuLink(key, zh, en, reverse(name, kwargs={"agency": code, **extra}))
                 for key, name, extra, zh, en in PORTAL_MENU]
        for page in static_pages():
            if not page.menu:
                continue
            try:
                url = reverse(page.url_name, kwargs={"agency": code})
            except NoReverseMatch:
                continue
            links.append(MenuLink(page.key, page.title_zh, page.title_en, url))
    return tuple(links)


def site_map_pages(agency: Agency) -> list[MenuLink]:
    """Every declared page of every app (the site map lists more than the menu)."""
    links = []
    for page in static_pages():
        try:
            url = reverse(page.url_name, kwargs={"agency": agency.code})
        except NoReverseMatch:
            continue
        links.append(MenuLink(page.key, page.title_zh, page.title_en, url))
    return links


def disclosure_by_category(agency: Agency) -> list[dict]:
    """The ten §7 categories in order, each with its entries (one query for all entries)."""
    entries = DisclosureEntry.objects.filter(agency=agency).order_by(
        "category", "-published_on", "pk")
    grouped: dict[int, list] = {value: [] for value in DisclosureCategory.values}
    for entry in entries:
        grouped[entry.category].append(entry)
    return [{"category": DisclosureCategory(value), "entries": grouped[value]}
            for value in DisclosureCategory.values]


def disclosure_counts(agency: Agency) -> dict[int, int]:
    rows = (DisclosureEntry.objects.filter(agency=agency).values("category")
            .annotate(n=Count("id")).order_by())
    return {row["category"]: row["n"] for row in rows}


def offered_forms(agency: Agency):
    return DownloadForm.objects.filter(agency=agency).offered_on(timezone.localdate())

"""Tags for the public site's frame: menu, language switch, footer, and staff-written prose."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from .. import selectors
from servq.core.roc_dates import roc_date_short

from ..prose import render_prose

register = template.Library()


def _english() -> bool:
    return (translation.get_language() or "").startswith("en")


@register.filter
def agency_name(agency) -> str:
    return agency.name_en if _english() and agency.name_en else agency.name


@register.filter
def agency_short(agency) -> str:
    return agency.name_en if _english() and agency.name_en else agency.short_name


@register.filter
def bilingual(link) -> str:
    """A MenuLink's (or StaticPage's) title in the current language."""
    return link.title_en if _english() and link.title_en else link.title_zh


@register.filter
def prose(text: str):
    return render_prose(text)


@register.inclusion_tag("portal/_language_links.html", takes_context=True)
def language_links(context):
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = translation.get_language()
    links = [{"code": code, "name": name, "url": translate_url(path, code),
              "current": code == current, "html_lang": "en" if code == "en" else "zh-Hant"}
             for code, name in settings.LANGUAGES]
    return {"links": links}


@register.inclusion_tag("portal/_nav.html", takes_context=True)
def portal_nav(context):
    agency = context.get("agency")
    menu = context.get("menu") or (selectors.site_menu(agency) if agency else ())
    return {"agency": agency, "menu": menu,
            "current": context.get("current", ""), "q": context.get("q", "")}


@register.inclusion_tag("portal/_footer.html", takes_context=True)
def portal_footer(context):
    agency = context.get("agency")
    if "profile" in context:  # render_site looked it up already
        return {"agency": agency, "profile": context["profile"]}
    return {"agency": agency, "profile": selectors.site_profile(agency) if agency else None}


@register.filter
def site_date(day) -> str:
    """104/06/30 on the Chinese site, 2015-06-30 on the English one."""
    if not day:
        return ""
    return day.isoformat() if _english() else roc_date_short(day)


@register.filter
def get_count(counts: dict, key: str) -> int:
    return counts.get(key, 0)

"""The staff menu: each entry is shown for an agency where the user holds its permission."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from . import access
from .access import Perm


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    perm: str


MENU = [
    MenuEntry("問卷調查結果", "surveys:results", Perm.SURVEY_VIEW_RESULTS),
    MenuEntry("紙本問卷登錄", "surveys:paper-entry", Perm.SURVEY_ENTER_PAPER),
    MenuEntry("公開網站內容", "portal_staff:overview", Perm.PORTAL_EDIT),
    MenuEntry("稽核紀錄", "core:audit-log", Perm.AUDIT_VIEW),
]


def menu_for(user, agency) -> list[dict]:
    entries = []
    for entry in MENU:
        if not access.has_perm(user, entry.perm, agency):
            continue
        try:
            url = reverse(entry.url_name, kwargs={"agency": agency.code})
        except NoReverseMatch:  # the app providing it is not installed in this build
            continue
        entries.append({"label": entry.label, "url": url})
    return entries

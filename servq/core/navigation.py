"""The staff menu: each entry is shown for an agency where the user holds its permission."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from . import access
from .access import Perm


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    perm: str | None  # None: every role in the agency (pages for all staff)


MENU = [
    MenuEntry("問卷調查結果", "surveys:results", Perm.SURVEY_VIEW_RESULTS),
    MenuEntry("紙本問卷登錄", "surveys:paper-entry", Perm.SURVEY_ENTER_PAPER),
    MenuEntry("設定服務台問卷平板", "surveys:kiosk-enrol", Perm.SURVEY_ENTER_PAPER),
    MenuEntry("問卷匯入", "surveys:import", Perm.SURVEY_IMPORT),
    MenuEntry("問卷填答紀錄", "surveys:responses", Perm.SURVEY_MANAGE),
    MenuEntry("陳情案件", "petitions:inbox", Perm.PETITION_VIEW),
    MenuEntry("逾期陳情", "petitions:overdue", Perm.PETITION_VIEW),
    MenuEntry("登錄陳情案件", "petitions:new", Perm.PETITION_ASSIGN),
    MenuEntry("陳情期限與分案規則", "petitions:rules", Perm.PETITION_MANAGE_RULES),
    MenuEntry("新聞輿情", "petitions:media", Perm.REPORT_VIEW),
    MenuEntry("為民服務紀錄", "ledgers:home", Perm.LEDGER_VIEW),
    MenuEntry("案件查詢即時計數", "ledgers:tally", Perm.LEDGER_TALLY),
    MenuEntry("執行態度考核", "ledgers:attitude", Perm.LEDGER_VIEW),
    MenuEntry("執行態度考核榮譽榜", "ledgers:honour-roll", None),
    MenuEntry("網站連結檢測", "ledgers:link-runs", Perm.LINKS_CHECK),
    MenuEntry("成果報告", "reports:home", Perm.REPORT_VIEW),
    MenuEntry("公開網站內容", "portal_staff:overview", Perm.PORTAL_EDIT),
    MenuEntry("稽核紀錄", "core:audit-log", Perm.AUDIT_VIEW),
]


def menu_for(user, agency) -> list[dict]:
    entries = []
    for entry in MENU:
        allowed = access.has_perm(user, entry.perm, agency) if entry.perm else \
            access.has_standing(user, agency)
        if not allowed:
            continue
        try:
            url = reverse(entry.url_name, kwargs={"agency": agency.code})
        except NoReverseMatch:  # the app providing it is not installed in this build
            continue
        entries.append({"label": entry.label, "url": url})
    return entries

"""Reference data of the demo (and of the test cast): the Administrative Enforcement Agency,
its 13 branches, their offices, Shilin's 15 sections, and one demo user per role."""

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from .calendar_import import calendar_import
from .models import Agency, Membership, StaffMember, Unit
from .roles import Role
from .tabular import open_table

HQ = ("aee", "法務部行政執行署", "行政執行署", "Administrative Enforcement Agency, Ministry of Justice",
      "https://www.aee.gov.tw/")

# (code, short name, English name) in the agency's own order; codes are the branches' website codes.
BRANCHES = [
    ("tpy", "臺北分署", "Taipei"),
    ("pcy", "新北分署", "New Taipei"),
    ("tyy", "桃園分署", "Taoyuan"),
    ("scy", "新竹分署", "Hsinchu"),
    ("tcy", "臺中分署", "Taichung"),
    ("chy", "彰化分署", "Changhua"),
    ("cyy", "嘉義分署", "Chiayi"),
    ("tny", "臺南分署", "Tainan"),
    ("ksy", "高雄分署", "Kaohsiung"),
    ("pty", "屏東分署", "Pingtung"),
    ("hly", "花蓮分署", "Hualien"),
    ("ily", "宜蘭分署", "Yilan"),
    ("sly", "士林分署", "Shilin"),
]
ESTABLISHED = {"sly": date(2006, 1, 1)}

# Offices every branch has (分署辦事細則 §3), and the working groups the service rules require.
OFFICES = [
    ("enf1", "執行一科", Unit.Kind.DIVISION, Unit.Function.ENFORCEMENT),
    ("enf2", "執行二科", Unit.Kind.DIVISION, Unit.Function.ENFORCEMENT),
    ("secretariat", "秘書室", Unit.Kind.OFFICE, Unit.Function.SECRETARIAT),
    ("personnel", "人事室", Unit.Kind.OFFICE, Unit.Function.PERSONNEL),
    ("ethics", "政風室", Unit.Kind.OFFICE, Unit.Function.ETHICS),
    ("accounting", "會計室", Unit.Kind.OFFICE, Unit.Function.ACCOUNTING),
    ("statistics", "統計室", Unit.Kind.OFFICE, Unit.Function.STATISTICS),
    ("attitude", "執行態度考核小組", Unit.Kind.GROUP, Unit.Function.ATTITUDE_COMMITTEE),
    ("frontdesk", "服務台", Unit.Kind.GROUP, Unit.Function.FRONT_DESK),
]
# Shilin's 15 sections (股), named by the traditional cyclic characters.
SECTION_NAMES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰"

DEMO_PASSWORD = os.environ.get("SERVQ_DEMO_PASSWORD", "servq-demo-2015")


@dataclass(frozen=True)
class DemoUser:
    username: str
    agency: str
    role: str
    unit: str | None
    last_name: str
    first_name: str


DEMO_USERS = [
    DemoUser("sly-secretariat", "sly", Role.SECRETARIAT, "secretariat", "林", "研考"),
    DemoUser("sly-ethics", "sly", Role.ETHICS, "ethics", "陳", "政風"),
    DemoUser("sly-statistics", "sly", Role.STATISTICS, "statistics", "黃", "統計"),
    DemoUser("sly-personnel", "sly", Role.PERSONNEL, "personnel", "張", "人事"),
    DemoUser("sly-accounting", "sly", Role.ACCOUNTING, "accounting", "李", "會計"),
    DemoUser("sly-clerk", "sly", Role.SECTION_CLERK, "sec-geng", "王", "書記官"),
    DemoUser("sly-committee", "sly", Role.ATTITUDE_COMMITTEE, "attitude", "吳", "考核"),
    DemoUser("sly-frontdesk", "sly", Role.FRONT_DESK, "frontdesk", "劉", "志工"),
    DemoUser("sly-director", "sly", Role.DIRECTOR, None, "蔡", "分署長"),
    DemoUser("aee-auditor", "aee", Role.HQ_AUDITOR, None, "周", "稽核"),
    DemoUser("tpy-secretariat", "tpy", Role.SECRETARIAT, "secretariat", "鄭", "研考"),
    DemoUser("admin", "aee", Role.SYSADMIN, None, "系統", "管理者"),
]


@transaction.atomic
def ensure_agencies() -> dict[str, Agency]:
    code, name, short, name_en, website = HQ
    hq, _ = Agency.objects.update_or_create(
        code=code,
        defaults=dict(name=name, short_name=short, name_en=name_en, kind=Agency.Kind.HQ,
                      website=website, sort_order=0),
    )
    agencies = {hq.code: hq}
    for order, (code, short, city) in enumerate(BRANCHES, start=1):
        agency, _ = Agency.objects.update_or_create(
            code=code,
            defaults=dict(
                name=f"法務部行政執行署{short}", short_name=short, kind=Agency.Kind.BRANCH,
                name_en=f"{city} Branch, Administrative Enforcement Agency", parent=hq,
                website=f"https://www.{code}.moj.gov.tw/", sort_order=order,
                established_on=ESTABLISHED.get(code),
            ),
        )
        agencies[code] = agency
        ensure_offices(agency)
    ensure_sections(agencies["sly"])
    return agencies


def ensure_offices(agency: Agency) -> None:
    for order, (code, name, kind, function) in enumerate(OFFICES, start=1):
        Unit.objects.update_or_create(
            agency=agency, code=code,
            defaults=dict(name=name, kind=kind, function=function, sort_order=order),
        )


SECTION_ROMAN = ["jia", "yi", "bing", "ding", "wu", "ji", "geng", "xin", "ren", "gui",
                 "zi", "chou", "yin", "mao", "chen"]


def ensure_sections(agency: Agency) -> None:
    divisions = {u.code: u for u in Unit.objects.filter(agency=agency, code__in=["enf1", "enf2"])}
    for index, character in enumerate(SECTION_NAMES):
        Unit.objects.update_or_create(
            agency=agency, code=f"sec-{SECTION_ROMAN[index]}",
            defaults=dict(
                name=f"{character}股", kind=Unit.Kind.SECTION, function=Unit.Function.ENFORCEMENT,
                parent=divisions["enf1" if index < 8 else "enf2"], sort_order=100 + index,
            ),
        )


# A fictional roster: each section has an enforcement officer (行政執行官), a clerk (書記官)
# and an enforcement agent (執行員); the offices have their heads and a clerk.
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高"
GIVEN = ["志明", "淑芬", "俊傑", "美玲", "建宏", "雅婷", "家豪", "怡君", "宗翰", "佩珊",
         "冠宇", "欣怡", "承恩", "詩涵", "彥廷", "宜蓁"]
SECTION_TITLES = [("行政執行官", True), ("書記官", True), ("執行員", True)]
OFFICE_TITLES = {"secretariat": ["秘書室主任", "科員"], "personnel": ["人事室主任"],
                 "ethics": ["政風室主任", "科員"], "accounting": ["會計室主任"],
                 "statistics": ["統計室主任", "科員"], "frontdesk": ["志工隊長"]}


def ensure_roster(agency: Agency) -> int:
    """Idempotent: the roster is created once per agency."""
    if StaffMember.objects.filter(agency=agency).exists():
        return StaffMember.objects.filter(agency=agency).count()
    people, n = [], 0
    units = {u.code: u for u in Unit.objects.filter(agency=agency)}

    def name() -> str:
        nonlocal n
        n += 1
        return SURNAMES[(n * 7) % len(SURNAMES)] + GIVEN[(n * 5) % len(GIVEN)]

    for code, titles in OFFICE_TITLES.items():
        for title in titles:
            people.append(StaffMember(agency=agency, unit=units[code], name=name(), title=title,
                                      sort_order=len(people)))
    for unit in sorted((u for u in units.values() if u.kind == Unit.Kind.SECTION),
                       key=lambda u: u.sort_order):
        for title, officer in SECTION_TITLES:
            people.append(StaffMember(agency=agency, unit=unit, name=name(), title=title,
                                      is_enforcement_officer=officer, sort_order=len(people)))
    StaffMember.objects.bulk_create(people)
    return len(people)


@transaction.atomic
def ensure_demo_users(password: str = DEMO_PASSWORD) -> list[DemoUser]:
    User = get_user_model()
    agencies = {a.code: a for a in Agency.objects.all()}
    for spec in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=spec.username,
            defaults=dict(last_name=spec.last_name, first_name=spec.first_name),
        )
        if created:
            user.set_password(password)
        if spec.role == Role.SYSADMIN:
            user.is_staff = user.is_superuser = True
        user.save()
        agency = agencies[spec.agency]
        unit = Unit.objects.get(agency=agency, code=spec.unit) if spec.unit else None
        Membership.objects.update_or_create(
            user=user, agency=agency, role=spec.role, defaults=dict(unit=unit, is_active=True)
        )
    return DEMO_USERS


CALENDAR_2015 = Path(__file__).parent / "data" / "office-calendar-2015.csv"


def load(*, stdout) -> None:
    agencies = ensure_agencies()
    ensure_demo_users()
    roster = ensure_roster(agencies["sly"])
    calendar_import(table=open_table(CALENDAR_2015))
    stdout.write(f"core: {len(agencies)} agencies, {len(DEMO_USERS)} demo users, "
                 f"Shilin roster of {roster}, 2015 office calendar")

"""Demo records: Shilin's petitions of 2015 (19 in the first half, replied in 4.3 days on
average, none overdue), its 6 press releases, no negative news; a few open petitions of
July 2015 that are overdue (some without the required phone call) and were reminded.
Every branch gets the starting routing and deadline rules. Safe to run twice.

The people and the matters are fictional; the counts follow the Shilin report.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import get_connection
from django.test.utils import override_settings

from servq.core.models import Agency, StaffMember, Unit

from . import services
from .attachments import check_attachment
from .models import Category, Channel, ContactMethod, Petition, PressRelease
from .reference import ensure_rules
from .reminders import send_reminders
from .services import Intake, Petitioner

O, E, M, L, F, R = (Channel.OPINION_MAILBOX, Channel.ETHICS_MAILBOX, Channel.EMAIL,
                    Channel.LETTER, Channel.FORWARDED, Channel.ORAL)

# received, channel, category, subject, days to the reply, section (陳字案), phoned on day 1
H1_2015 = [
    ("2015-01-07", O, "case", "詢問分期繳納申請的審核進度", 3, "sec-geng", True),
    ("2015-01-13", M, "service", "建議增設服務台的手機充電設備", 5, None, False),
    ("2015-01-21", F, "case", "上級機關函轉：對扣薪命令的疑義", 4, "sec-geng", False),
    ("2015-02-03", O, "attitude", "執行人員電話中的語氣欠佳", 6, None, True),
    ("2015-02-10", L, "case", "請求暫緩拍賣不動產", 2, "sec-geng", False),
    ("2015-02-26", O, "service", "停車場指引標示不清楚", 4, None, False),
    ("2015-03-05", E, "ethics", "檢舉疑似收受不當餽贈", 5, None, False),
    ("2015-03-16", M, "case", "已繳清欠款但帳戶仍被扣押", 3, "sec-geng", True),
    ("2015-03-25", O, "other", "詢問超商繳款的金額上限", 7, None, False),
    ("2015-04-08", R, "attitude", "到場洽公時承辦人員態度不耐", 4, None, False),
    ("2015-04-14", O, "case", "請求說明執行命令的計算方式", 5, "sec-geng", False),
    ("2015-04-22", L, "service", "閱覽室開放時間建議延長", 6, None, False),
    ("2015-05-05", F, "case", "上級機關函轉：對查封動產的異議", 3, "sec-geng", True),
    ("2015-05-12", O, "attitude", "現場執行時未出示證件", 4, None, False),
    ("2015-05-20", M, "case", "請求提供繳款明細", 5, "sec-geng", False),
    ("2015-05-27", E, "ethics", "檢舉人員疑似洩漏案件資料", 4, None, False),
    ("2015-06-03", O, "service", "建議網站增加英文常見問題", 3, None, False),
    ("2015-06-10", O, "case", "詢問移送機關的聯絡電話", 5, "sec-geng", False),
    ("2015-06-17", L, "other", "對宣導資料內容的建議", 4, None, False),
]
# received, channel, category, subject, section, phoned before the due date
JULY_2015_OPEN = [
    ("2015-07-01", O, "case", "請求返還溢扣的薪資", "sec-geng", True),
    ("2015-07-02", M, "service", "服務台排隊動線的建議", None, False),
    ("2015-07-06", O, "attitude", "執行人員到府時的態度", None, False),
]
REMINDER_DAYS = [date(2015, 7, 9), date(2015, 7, 21)]
PRESS_RELEASES_2015 = [
    ("2015-01-20", "欠款未滿2萬元可至便利商店繳納，民眾免跑分署"),
    ("2015-02-05", "本分署替代役役男挽袖捐血，共捐出14袋"),
    ("2015-02-13", "本分署役男協助寒士尾牙活動會場服務"),
    ("2015-03-30", "經濟困難者可洽承辦人員申請分期繳納"),
    ("2015-05-15", "午休時間不打烊，中午照常受理繳款及查詢"),
    ("2015-06-23", "本分署執行重大欠稅案件，督促義務人繳清欠款"),
]
PETITIONERS = ["林美惠", "陳志豪", "張雅琪", "王建民", "李淑華", "黃俊男", "吳佩君", "劉家銘"]
# A one-page PDF stands for the signed record of the oral petition.
SIGNED_RECORD_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
DEMO_KEY = "demo:{agency}:{received}:{n}"


def _users() -> dict:
    User = get_user_model()
    return {name: User.objects.get(username=f"sly-{name}")
            for name in ["secretariat", "ethics", "clerk", "director"]}


def _petitioner(n: int) -> Petitioner:
    name = PETITIONERS[n % len(PETITIONERS)]
    return Petitioner(name=name, email=f"citizen{n:02d}@example.org",
                      phone=f"0912-345-{600 + n:03d}", address=f"臺北市士林區中正路{n + 1}號")


def _receive(agency, users, n, received, channel, code, subject, section, officer):
    key = DEMO_KEY.format(agency=agency.code, received=received, n=n)
    existing = Petition.objects.filter(agency=agency, submission_key=key).first()
    if existing is not None:
        return existing, False
    received_on = date.fromisoformat(received)
    extra = {}
    if channel == Channel.FORWARDED:
        extra = dict(forwarded_by="法務部行政執行署", forwarded_on=received_on - timedelta(days=2),
                     forwarded_ref=f"行執一字第1040{n:05d}號")
    if channel == Channel.ORAL:
        extra = dict(recorded_by=users["ethics"], signed_record=check_attachment(
            SimpleUploadedFile("口頭陳情紀錄.pdf", SIGNED_RECORD_PDF, "application/pdf")))
    receipt = services.petition_receive(
        agency=agency, channel=channel, category=Category.objects.get(code=code),
        subject=subject, submission_key=key,
        actor={O: None, E: None, R: users["ethics"]}.get(channel, users["secretariat"]),
        intake=Intake(content=f"（示範資料）{subject}。", received_on=received_on,
                      petitioner=Petitioner() if n == 15 else _petitioner(n),
                      section_hint=section, complained_officer=officer, **extra))
    return receipt.petition, True


def _assign(petition, users, section):
    from .routing import suggest_assignment

    suggestion = suggest_assignment(petition)
    handler = users["ethics"] if petition.is_whistleblower_report else suggestion.user
    services.petition_assign(petition=petition, unit=suggestion.unit or section, user=handler,
                             actor=users["secretariat"], on=petition.received_on)
    petition.refresh_from_db()


def _handler(petition, users):
    if petition.is_whistleblower_report:
        return users["ethics"]
    return users["clerk"] if petition.is_case_matter else users["secretariat"]


def load_petitions(agency: Agency) -> int:
    users = _users()
    sections = {u.code: u for u in Unit.objects.filter(agency=agency, kind=Unit.Kind.SECTION)}
    officer = StaffMember.objects.filter(agency=agency, is_enforcement_officer=True,
                                         unit__code="sec-geng").first()
    created = 0
    for n, (received, channel, code, subject, days, section, phoned) in enumerate(H1_2015):
        section = sections.get(section)
        petition, new = _receive(agency, users, n, received, channel, code, subject, section,
                                 officer if code == "attitude" else None)
        if not new:
            continue
        created += 1
        _assign(petition, users, section)
        handler = _handler(petition, users)
        if phoned:
            services.petition_record_contact(
                petition=petition, method=ContactMethod.PHONE, actor=handler,
                on=petition.received_on + timedelta(days=1),
                summary="電話告知陳情人已受理，並說明處理程序與預計回覆時間。")
        services.petition_reply(
            petition=petition, method=ContactMethod.LETTER if channel in (L, F) else
            ContactMethod.EMAIL, actor=handler, on=petition.received_on + timedelta(days=days),
            summary="函復陳情人處理結果。")
    for n, (received, channel, code, subject, section, phoned) in enumerate(JULY_2015_OPEN,
                                                                           start=len(H1_2015)):
        section = sections.get(section)
        petition, new = _receive(agency, users, n, received, channel, code, subject, section,
                                 officer if code == "attitude" else None)
        if not new:
            continue
        created += 1
        _assign(petition, users, section)
        if phoned:
            services.petition_record_contact(
                petition=petition, method=ContactMethod.PHONE, actor=_handler(petition, users),
                on=petition.due_on - timedelta(days=1),
                summary="電話告知陳情人尚在向移送機關查證，將儘速函復。")
    return created


def load_press_releases(agency: Agency) -> int:
    created = 0
    for issued, title in PRESS_RELEASES_2015:
        _, new = PressRelease.objects.get_or_create(agency=agency, issued_on=date.fromisoformat(
            issued), title=title)
        created += new
    return created


def give_demo_users_addresses() -> None:
    """Demo logins get example.gov.tw addresses, so assignment notices and reminders have
    someone to go to (the demo's mail goes nowhere anyway)."""
    for user in get_user_model().objects.filter(username__startswith="sly-", email=""):
        user.email = f"{user.username}@sly.example.gov.tw"
        user.save(update_fields=["email"])


def load(*, stdout) -> None:
    give_demo_users_addresses()
    for agency in Agency.objects.branches():
        ensure_rules(agency)
    shilin = Agency.objects.get(code="sly")
    # The demo's mail (receipts, assignment notices, reminders) goes nowhere.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        petitions = load_petitions(shilin)
        connection = get_connection("django.core.mail.backends.locmem.EmailBackend")
        reminded = sum(send_reminders(on=day, connection=connection).claimed
                       for day in REMINDER_DAYS)
    releases = load_press_releases(shilin)
    stdout.write(f"petitions: {petitions} new petitions, {reminded} reminders, "
                 f"{releases} new press releases (Shilin 2015); rules for every branch")

"""Public-site content for the tests, written through the services (so it is indexed), and
what the mounted apps' public pages need: the seed questionnaire, the petition categories and
rules, and one petition (with its tracking code) for the receipt and tracking pages."""

from datetime import date, time

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import translation

from servq.portal.form_files import form_odt
from servq.portal.models import (
    DisclosureEntry, DownloadForm, FaqEntry, NewsItem, Page, SiteProfile,
)
from servq.portal.search_index import static_pages_sync
from servq.portal.services import content_save, site_profile_save
from servq.petitions.models import Category, Channel
from servq.petitions.reference import ensure_categories, ensure_rules
from servq.petitions.services import Intake, Petitioner, petition_receive
from servq.surveys import seed_questionnaire


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to a per-test folder, never var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_form(agency, name_zh: str, **fields) -> DownloadForm:
    form = DownloadForm(agency=agency, name_zh=name_zh, offered_from=date(2014, 1, 1), **fields)
    form.odt_file.save("form.odt", ContentFile(form_odt(agency_name=agency.name,
                                                        form_name=name_zh)), save=False)
    form.pdf_file.save("form.pdf", ContentFile(b"%PDF-1.4\n% test form\n"), save=False)
    return content_save(item=form)


def make_news(agency, title_zh: str, published_on: date, body_zh: str = "內容", **fields):
    return content_save(item=NewsItem(agency=agency, title_zh=title_zh, body_zh=body_zh,
                                      published_on=published_on, **fields))


@pytest.fixture
def site(cast):
    """A small public site for Shilin (and one news item for Taipei)."""
    sly = cast.sly
    site_profile_save(profile=SiteProfile(
        agency=sly, address_zh="臺北市士林區測試路1號", address_en="1 Test Road, Shilin",
        phone="(02) 2000-0000", hours_zh="週一至週五 08:30-17:30",
        hours_en="Mon-Fri 08:30-17:30", lunch_service=True, lunch_start=time(12, 30),
        lunch_end=time(13, 30)))
    pages = {
        slug: content_save(item=Page(agency=sly, slug=slug, title_zh=zh, title_en=en,
                                     body_zh=body, body_en=body_en, updated_on=date(2015, 6, 1)))
        for slug, zh, en, body, body_en in [
            ("service-guide", "為民服務", "Citizen services",
             "## 單一窗口\n服務台引導您到對的櫃檯。\n\n## 要帶什麼\n- 身分證明文件\n- 委任狀",
             "## One window\nThe front desk takes you to the right counter."),
            ("privacy", "隱私權保護宣告", "Privacy statement", "我們只收集必要的個人資料。",
             "We collect only the personal data we need."),
            ("security", "資訊安全政策宣告", "Security statement", "網站採用加密連線。",
             "The site uses encrypted connections."),
        ]
    }
    news = [
        make_news(sly, "不動產拍賣公告", date(2015, 4, 21), "拍賣標的詳見公告，拍賣日期另行通知。",
                  title_en="Real-property auction notice", body_en="See the auction notice."),
        make_news(sly, "欠稅可到超商繳納", date(2015, 1, 14), "未滿2萬元的綜合所得稅欠稅可到超商繳納。",
                  title_en="Pay tax debts at stores", body_en="Tax debts under NT$20,000."),
        make_news(sly, "民意信箱說明", date(2015, 5, 2), "陳情案件由秘書室登記。",
                  title_en="About the opinion mailbox", body_en="Petitions are registered."),
    ]
    faq = content_save(item=FaqEntry(
        agency=sly, question_zh="中午可以繳稅嗎？", question_en="Can I pay at lunchtime?",
        answer_zh="可以，中午有同仁輪值受理繳款。", answer_en="Yes, staff take payments at lunch.",
        sort_order=1))
    disclosure = content_save(item=DisclosureEntry(
        agency=sly, category=5, title_zh="業務統計", title_en="Statistics",
        body_zh="執行案件的收結統計。", published_on=date(2015, 4, 15),
        updated_on=date(2015, 4, 15)))
    forms = [make_form(sly, "委任狀", name_en="Power of attorney"),
             make_form(sly, "不動產投標書", name_en="Tender for real property")]
    other = make_news(cast.tpy, "臺北分署拍賣公告", date(2015, 4, 1), "臺北的拍賣。")
    static_pages_sync(sly)
    static_pages_sync(cast.tpy)
    # A transactional (browser) test starts from a flushed database: put back what the
    # surveys and petitions migrations install.
    seed_questionnaire.install(apps)
    seed_questionnaire.install_english(apps)
    ensure_categories()
    ensure_rules(sly)
    receipt = petition_receive(
        agency=sly, channel=Channel.OPINION_MAILBOX, category=Category.objects.get(code="service"),
        subject="櫃檯等候太久", intake=Intake(content="希望增加櫃檯。", petitioner=Petitioner(
            "林小華", "lin@example.org", "0912-111-222", "臺北市士林區")))
    return {"agency": sly, "pages": pages, "news": news, "faq": faq, "disclosure": disclosure,
            "forms": forms, "other_news": other, "petition": receipt.petition,
            "tracking_code": receipt.tracking_code}


def enrol_kiosk(page, base_url: str, agency_code: str = "sly") -> None:
    """Give the browser behind `page` the cookie staff set when they enrol a counter tablet."""
    from servq.core.models import Agency
    from servq.surveys.kiosk import COOKIE, kiosk_token

    token = kiosk_token(Agency.objects.get(code=agency_code))
    page.context.add_cookies([{"name": COOKIE, "value": token, "url": base_url}])


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, one per test module (browser tests only)."""
    from .browser import chromium

    with chromium() as running:
        yield running


@pytest.fixture
def page(browser):
    """A page whose context lets axe-core's script in (bypass_csp); CSP itself is tested apart."""
    context = browser.new_context(bypass_csp=True, locale="zh-TW")
    yield context.new_page()
    context.close()


@pytest.fixture
def strict_page(browser):
    """A page under the site's real Content-Security-Policy; `strict_page.csp_complaints`
    collects what the browser blocked (and script errors)."""
    context = browser.new_context(locale="zh-TW")
    page = context.new_page()
    page.csp_complaints = []
    page.on("console", lambda message: page.csp_complaints.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: page.csp_complaints.append(str(error)))
    yield page
    context.close()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in zh-Hant (a request to /en/ leaves English active in the thread)."""
    with translation.override("zh-hant"):
        yield

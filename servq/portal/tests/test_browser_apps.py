"""The questionnaire and the mailboxes in a real browser: axe-core with errors shown in both
languages, a questionnaire filled in on a phone and with the keyboard alone, a petition sent
and tracked, the mailbox found by searching 陳情, and the paper-entry keys under the CSP."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect
from django.utils import timezone

from servq.core.periods import Period
from servq.reports.registry import ReportScope
from servq.surveys.figures import survey_figures
from servq.surveys.models import Response

from .browser import PHONE, axe_violations
from .conftest import enrol_kiosk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["zh-hant", "en"]


def quarter_figures(agency) -> dict:
    scope = ReportScope.for_agency(agency, Period.containing(timezone.localdate(), "quarter"))
    return survey_figures(scope)["questions"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_passes_axe_on_the_forms_with_errors_shown(live_server, site, page, language):
    base = f"{live_server.url}/{language}/sly"
    failures = {}

    def check(name):
        assert page.locator("#error-summary").count() == 1, name
        violations = axe_violations(page)
        if violations:
            failures[name] = violations

    page.goto(base + "/questionnaire/")
    page.click("form.questionnaire button[type=submit]")  # nothing answered
    page.wait_for_selector("#error-summary")
    check("questionnaire, empty")
    # A value the form does not offer (a tampered page) gives an error on the question itself.
    page.eval_on_selector("#id_env_a_0", "radio => { radio.value = '9'; radio.checked = true; }")
    page.click("form.questionnaire button[type=submit]")
    page.wait_for_selector("#q-env_a .field-error")
    check("questionnaire, bad answer")
    enrol_kiosk(page, live_server.url)
    page.goto(base + "/questionnaire/kiosk/")
    page.click("form.questionnaire button[type=submit]")
    page.wait_for_selector("#error-summary")
    check("kiosk, empty")
    for mailbox in ["opinion", "ethics"]:
        page.goto(f"{base}/petitions/{mailbox}/")
        page.click("form.petition-form button[type=submit]")
        page.wait_for_selector("#error-summary")
        check(f"{mailbox} mailbox, empty")
    page.goto(base + "/petitions/track/")
    page.fill("#id_number", "SLY104000001")
    page.fill("#id_code", "WRONG-CODE1")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#error-summary")
    check("tracking, wrong code")
    assert failures == {}


def test_it_takes_a_questionnaire_on_a_phone(live_server, site, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, locale="zh-TW")
    page = context.new_page()
    before = quarter_figures(site["agency"])
    page.goto(live_server.url + "/zh-hant/sly/")
    page.tap(".main-nav a[href$='/questionnaire/']")
    page.wait_for_url("**/sly/questionnaire/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.tap("label[for=id_env_a_0]")  # 非常有幫助
    page.tap("label[for=id_staff_a_1]")  # 有點滿意
    page.tap("label[for=id_aware_1_1]")  # 不知道
    page.tap("#id_comment")
    page.keyboard.type("停車位不夠")
    box = page.locator("label[for=id_env_b_0]").bounding_box()
    assert box["height"] >= 44 and box["width"] >= PHONE["width"] * 0.7  # easy to tap
    page.tap("form.questionnaire button[type=submit]")
    page.wait_for_url("**/sly/questionnaire/thanks/")
    assert page.locator("h1").inner_text() == "感謝您的填答"
    context.close()
    after = quarter_figures(site["agency"])
    assert after["env_a"]["n"] == before["env_a"]["n"] + 1
    assert after["env_a"]["counts"]["5"] == before["env_a"]["counts"]["5"] + 1
    assert after["staff_a"]["counts"]["4"] == before["staff_a"]["counts"]["4"] + 1
    assert after["aware_1"]["counts"]["no"] == before["aware_1"]["counts"]["no"] + 1
    assert after["env_b"]["n"] == before["env_b"]["n"]  # skipped: in no base
    saved = Response.objects.get()
    assert (saved.channel, saved.texts.get().text) == ("web", "停車位不夠")


def test_it_completes_the_questionnaire_with_the_keyboard_alone(live_server, site, strict_page):
    page = strict_page
    page.goto(live_server.url + "/en/sly/questionnaire/")
    for _ in range(40):  # from the top of the page to the first answer
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "env_overall":
            break
    questions = page.eval_on_selector_all(
        "fieldset.question", "sets => sets.map(s => s.querySelector('input').name)")
    for name in questions:
        assert page.evaluate("document.activeElement.name") == name
        outline = page.evaluate("getComputedStyle(document.activeElement.closest('label'))"
                                ".outlineStyle")
        assert outline != "none", name  # the focused answer is visibly marked
        page.keyboard.press("Space")  # the first answer: very satisfied / helpful, yes
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_comment"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/sly/questionnaire/thanks/")
    answers = dict(Response.objects.get().answers.values_list("question__code", "option"))
    assert len(answers) == len(questions) == 21
    assert set(answers.values()) == {"5", "yes"}
    assert page.csp_complaints == []


def test_it_focuses_the_error_summary_under_the_csp(live_server, site, strict_page):
    page = strict_page
    for url in ["/zh-hant/sly/questionnaire/", "/en/sly/petitions/opinion/"]:
        page.goto(live_server.url + url)
        page.click("main form button[type=submit]")
        page.wait_for_selector("#error-summary")
        expect(page.locator("#error-summary")).to_be_focused()
    page.keyboard.press("Tab")  # the first error's link leads to its field
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_name"
    assert page.get_attribute("#id_name", "aria-invalid") == "true"
    assert page.csp_complaints == []


def test_it_sends_an_opinion_and_tracks_it_with_the_code(live_server, site, page):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/zh-hant/sly/petitions/opinion/")
    page.fill("#id_name", "陳大文")
    page.fill("#id_phone", "0912-345-678")
    page.select_option("#id_category", label="為民服務")
    page.fill("#id_subject", "希望增設哺乳室指標")
    page.fill("#id_content", "一樓大廳找不到哺乳室的指標，請增設。")
    page.click("form.petition-form button[type=submit]")
    page.wait_for_url("**/sly/petitions/received/?n=*")
    number = page.locator(".receipt dd").first.inner_text()
    code = page.locator(".receipt dd.code").inner_text()
    assert re.fullmatch(r"[A-Z]{3}\d{9}", number) and re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", code)
    assert axe_violations(page) == []

    page.click("main a[href$='/petitions/track/']")
    page.fill("#id_number", number)
    page.fill("#id_code", code)
    page.click("main form button[type=submit]")
    page.wait_for_selector("#petition-status")
    assert page.locator("#petition-status").inner_text() == "已收件，待分案"
    assert page.locator("#result-title").inner_text() == f"案號 {number}"
    assert axe_violations(page) == []
    page.fill("#id_number", number)
    page.fill("#id_code", "AAAAA-AAAAA")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#petition-status").count() == 0


@pytest.mark.parametrize("language,term,title", [("zh-hant", "陳情", "民意信箱"),
                                                 ("en", "petition", "Opinion mailbox")])
def test_it_searches_from_the_header_and_lands_on_the_mailbox(live_server, site, page,
                                                              language, term, title):
    page.goto(f"{live_server.url}/{language}/sly/")
    page.fill("#site-search-q", term)
    page.keyboard.press("Enter")
    page.wait_for_selector(".search-results")
    page.click(f".result-title a[href='/{language}/sly/petitions/opinion/']")
    page.wait_for_url(f"**/{language}/sly/petitions/opinion/")
    assert page.locator("h1").inner_text() == title
    assert page.locator(".main-nav a[aria-current=page]").inner_text() == title


def type_sheet(page, serial: str, day: str, keys: list[str]) -> None:
    """Type a paper sheet as staff do: the serial, Tab, the date (Tab selected the one already
    there, so typing replaces it; "" keeps it), then each question's key and Tab; Enter."""
    page.keyboard.type(serial)
    page.keyboard.press("Tab")
    page.keyboard.type(day)
    for key in keys:
        page.keyboard.press("Tab")
        page.keyboard.type(key)
    page.keyboard.press("Enter")


def test_it_keeps_the_paper_entry_keys_and_focus(live_server, site, cast, strict_page):
    """Staff type a sheet with digits and Tab; after saving, the serial box has the focus."""
    staff = Client()
    staff.force_login(cast.front_desk)
    page = strict_page
    page.context.add_cookies([{"name": "sessionid", "value": staff.cookies["sessionid"].value,
                               "url": live_server.url}])
    page.goto(live_server.url + "/staff/sly/surveys/paper/")
    expect(page.locator("#id_serial")).to_be_focused()
    type_sheet(page, "104-201", "104/05/12", ["5", "4", "", "3"])  # env_b left empty
    page.wait_for_selector(".messages")
    assert page.evaluate("document.activeElement.id") == "id_serial"  # ready for the next sheet
    saved = Response.objects.get(serial="104-201")
    assert saved.submitted_on.isoformat() == "2015-05-12"
    assert dict(saved.answers.values_list("question__code", "option")) == {
        "env_overall": "5", "env_a": "4", "env_c": "3"}

    # A wrong key: the error summary takes the focus (a static script, allowed by the CSP).
    type_sheet(page, "104-202", "", ["7"])
    page.wait_for_selector("#error-summary")
    expect(page.locator("#error-summary")).to_be_focused()
    # The same serial again: the focus goes back to the serial box instead.
    page.goto(live_server.url + "/staff/sly/surveys/paper/")
    expect(page.locator("#id_serial")).to_be_focused()  # autofocus, not a race
    type_sheet(page, "104-201", "", ["5"])
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "id_serial"
    assert Response.objects.count() == 1
    assert page.csp_complaints == []

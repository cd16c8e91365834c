"""The public site in a real browser: axe-core on every page in both languages, keyboard use,
320 px and 200 % zoom layouts, print style, CSP in force, a form download, search."""

from urllib.parse import unquote

import pytest
from django.utils import translation

from .browser import PHONE, axe_violations
from .conftest import enrol_kiosk
from .test_pages import public_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def every_public_url(site) -> list[str]:
    urls = []
    for language in ["zh-hant", "en"]:
        with translation.override(language):
            urls += public_urls(site)
    return urls


def send_opinion(page, base: str, language: str) -> None:
    """Send an opinion-mailbox petition from this browser; it lands on its receipt page."""
    page.goto(f"{base}/{language}/sly/petitions/opinion/")
    page.fill("#id_name", "Chen Ta-wen" if language == "en" else "陳大文")
    page.fill("#id_phone", "0912-345-678")
    page.fill("#id_subject", "Signs to the nursing room" if language == "en" else "哺乳室指標")
    page.fill("#id_content", "Please add signs in the lobby." if language == "en" else "請增設指標。")
    page.click("form.petition-form button[type=submit]")
    page.wait_for_url(f"**/{language}/sly/petitions/received/?n=*")


def open_public_page(page, base: str, url: str) -> None:
    """Open `url` and make sure it is the page meant: 200 and no redirect. The receipt page
    shows only this browser's own petitions (anyone else's number redirects to tracking), so
    for it the browser sends a petition in the page's language and stays on its receipt."""
    if "/petitions/received/" in url:
        send_opinion(page, base, language=url.split("/")[1])
        assert page.locator(".receipt dd.code").count() == 1, url  # the code, shown once
        return
    response = page.goto(base + url)
    assert response.status == 200, url
    assert unquote(page.url) == base + url, url


def test_it_passes_axe_on_every_public_page_in_both_languages(live_server, site, page):
    enrol_kiosk(page, live_server.url)
    failures = {}
    for url in every_public_url(site):
        open_public_page(page, live_server.url, url)
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert failures == {}


def test_it_passes_axe_on_a_phone(live_server, site, page):
    page.set_viewport_size(PHONE)
    for url in ["/zh-hant/sly/", "/en/sly/payment/?amount=x", "/zh-hant/sly/forms/",
                "/zh-hant/sly/questionnaire/", "/en/sly/petitions/opinion/"]:
        page.goto(live_server.url + url)
        assert axe_violations(page) == [], url


def test_it_loads_no_blocked_script_or_style_under_the_csp(live_server, site, browser):
    context = browser.new_context()  # CSP enforced
    page = context.new_page()
    enrol_kiosk(page, live_server.url)
    complaints = []
    page.on("console", lambda message: complaints.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: complaints.append(str(error)))
    for url in every_public_url(site):
        open_public_page(page, live_server.url, url)
        assert page.evaluate("getComputedStyle(document.body).margin") == "0px", url  # CSS loaded
    context.close()
    assert complaints == []


def test_it_works_with_the_keyboard_alone(live_server, site, page):
    page.goto(live_server.url + "/zh-hant/sly/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect();"
                        " return [r.left, r.top, r.width]; })()")
    assert box[0] >= 0 and box[1] >= 0 and box[2] > 0  # the skip link shows when focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # From the top of the page, Tab to the FAQ link in the menu and follow it.
    page.goto(live_server.url + "/zh-hant/sly/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "常見問題":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/sly/faq/")

    # The payment guide, filled in and answered without a mouse.
    page.goto(live_server.url + "/zh-hant/sly/payment/")
    page.focus("#id_amount")
    page.keyboard.type("25000")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # first category: 綜合所得稅
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # 無法一次繳清
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_selector("#instalments")
    assert page.locator("#channel-store").count() == 0


def test_it_announces_errors_and_leads_to_the_field(live_server, site, page):
    page.goto(live_server.url + "/zh-hant/sly/payment/?amount=abc&category=")
    summary = page.locator("#error-summary")
    assert summary.get_attribute("role") == "alert"
    page.wait_for_function("document.activeElement.id === 'error-summary'")  # focused on load
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_amount"
    assert page.get_attribute("#id_amount", "aria-invalid") == "true"


@pytest.mark.parametrize("width", [320, 640])  # 640 CSS px is a 1280 px screen at 200 % zoom
def test_it_fits_narrow_screens_without_sideways_scrolling(live_server, site, page, width):
    page.set_viewport_size({"width": width, "height": 700})
    enrol_kiosk(page, live_server.url)
    with translation.override("zh-hant"):
        urls = public_urls(site)
    for url in urls + ["/en/sly/", "/en/sly/disclosure/", "/en/sly/payment/?amount=x"]:
        open_public_page(page, live_server.url, url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (url, overflow)


def test_it_prints_without_the_menus(live_server, site, page):
    page.goto(live_server.url + "/zh-hant/sly/pages/service-guide/")
    assert page.locator(".main-nav").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".site-search").is_visible()
    assert page.locator("main h1").is_visible()


def test_it_downloads_a_form(live_server, site, page):
    page.goto(live_server.url + "/zh-hant/sly/forms/")
    form = site["forms"][0]
    with page.expect_download() as caught:
        page.click(f"#form-{form.pk} a[href$='/odt/']")
    download = caught.value
    assert download.suggested_filename == "委任狀.odt"
    with open(download.path(), "rb") as handle:
        assert handle.read(2) == b"PK"


def test_it_searches_from_the_header_and_highlights_the_word(live_server, site, page):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/zh-hant/sly/")
    page.fill("#site-search-q", "拍賣")
    page.keyboard.press("Enter")
    page.wait_for_selector(".search-results")
    assert page.locator(".search-results mark").first.inner_text() == "拍賣"
    assert "不動產拍賣公告" in page.locator(".result-title").first.inner_text()


def test_it_switches_language_and_stays_on_the_page(live_server, site, page):
    page.goto(live_server.url + "/zh-hant/sly/faq/")
    page.click(".language-switch a[hreflang='en']")
    page.wait_for_url("**/en/sly/faq/")
    assert page.locator("h1").inner_text() == "FAQ"


def test_it_has_an_axe_that_sees_violations(page):
    """The harness itself: axe must report a missing label and poor contrast when they occur."""
    page.set_content('<html lang="en"><body><main><input type="text">'
                     '<p style="color:#ccc;background:#fff">faint</p></main></body></html>')
    found = {violation["id"] for violation in axe_violations(page)}
    assert {"label", "color-contrast"} <= found

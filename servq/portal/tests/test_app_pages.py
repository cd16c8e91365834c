"""The questionnaire and the mailboxes inside the portal: its frame (menu, search box, footer),
its menu and site map, English that is English, and no inline code anywhere."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from .test_pages import app_urls, as_counter_tablet

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011]")


def main_text(html: str) -> str:
    """The visible text of <main>, tags removed."""
    main = html[html.index("<main"):html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_it_frames_the_app_pages_with_the_menu_search_and_footer(client, site, language):
    with translation.override(language):
        urls = app_urls(site)
    as_counter_tablet(client, site)
    for url in urls:
        html = client.get(url).content.decode()
        assert 'class="main-nav"' in html or "/kiosk/" in url, url
        assert 'id="site-search-q"' in html or "/kiosk/" in url, url
        assert 'class="site-footer public-footer"' in html and "agency-contact" in html, url
        assert 'class="language-switch"' in html, url


def test_it_marks_the_questionnaire_and_the_mailbox_in_the_menu(client, site):
    html = client.get("/zh-hant/sly/questionnaire/").content.decode()
    assert 'href="/zh-hant/sly/questionnaire/" aria-current="page"' in html
    html = client.get("/en/sly/petitions/opinion/").content.decode()
    assert 'href="/en/sly/petitions/opinion/" aria-current="page">Opinion mailbox<' in html
    assert 'href="/en/sly/questionnaire/">Questionnaire<' in html


def test_it_keeps_the_kiosk_on_the_questionnaire(client, site):
    """At the counter the next citizen should find the form, not the rest of the site."""
    tablet = as_counter_tablet(client, site)
    html = tablet.get("/zh-hant/sly/questionnaire/kiosk/").content.decode()
    assert 'class="main-nav"' not in html and 'id="site-search-q"' not in html
    assert 'class="public questionnaire-page kiosk"' in html


def test_it_lists_every_app_page_in_the_site_map(client, site):
    html = client.get("/zh-hant/sly/sitemap/").content.decode()
    for path, title in [("questionnaire/", "問卷調查"), ("petitions/opinion/", "民意信箱"),
                        ("petitions/ethics/", "廉政信箱"), ("petitions/track/", "陳情案件查詢")]:
        assert f'<a href="/zh-hant/sly/{path}">{title}</a>' in html
    html = client.get("/en/sly/sitemap/").content.decode()
    assert '<a href="/en/sly/petitions/ethics/">Ethics mailbox</a>' in html


def test_it_writes_the_english_questionnaire_in_english(client, site):
    html = client.get("/en/sly/questionnaire/").content.decode()
    text = main_text(html)
    assert CJK.findall(text) == []
    assert "<legend>How helpful was the branch&#x27;s parking for your visit?</legend>" in html
    for label in ["Very satisfied", "Not helpful at all", "No, I did not know"]:
        assert label in text
    assert "<h1>Service and integrity questionnaire</h1>" in html
    zh = client.get("/zh-hant/sly/questionnaire/").content.decode()
    assert "<legend>本分署之便民停車措施對洽公之幫助</legend>" in zh and "非常不滿意" in zh


def test_it_shows_the_chinese_where_a_question_has_no_english(client, site):
    from servq.surveys.models import Question

    Question.objects.filter(code="env_b").update(text_en="")
    html = client.get("/en/sly/questionnaire/").content.decode()
    assert "<legend>本分署之便民停車措施對洽公之幫助</legend>" in html


@pytest.mark.parametrize("url", ["/en/sly/petitions/opinion/", "/en/sly/petitions/ethics/",
                                 "/en/sly/petitions/track/", "/en/sly/questionnaire/thanks/",
                                 "/en/aee/questionnaire/", "/en/sly/questionnaire/kiosk/"])
def test_it_writes_the_english_app_pages_in_english(client, site, url):
    text = main_text(as_counter_tablet(client, site).get(url).content.decode())
    # The opinion mailbox lists the sections by the names printed on payment notices (甲股).
    text = re.sub(r"\S股", "", text)
    assert CJK.findall(text) == [], url


def test_it_explains_errors_in_english_on_the_english_forms(client, site):
    html = client.post("/en/sly/questionnaire/", {"token": "not-a-token"}).content.decode()
    assert "<title>Error: Service and integrity questionnaire |" in html
    assert "This form has expired" in html and "Answer at least one question" not in html
    html = client.post("/en/sly/petitions/opinion/", {"submission_key": "k"}).content.decode()
    assert "Please correct the following and submit again:" in html
    assert "Give at least one way to reach you" in html
    assert CJK.findall(re.sub(r"\S股", "", main_text(html))) == []
    number, code = site["petition"].number, site["tracking_code"]
    html = client.post("/en/sly/petitions/track/",
                       {"number": number, "code": code}).content.decode()
    assert "Received, waiting to be assigned" in html
    assert re.search(r"<dt>Received on</dt><dd>\d{4}-\d\d-\d\d</dd>", html)


def test_it_finds_the_app_pages_by_search_in_both_languages(client, site):
    html = client.get("/zh-hant/sly/search/", {"q": "陳情"}).content.decode()
    assert 'href="/zh-hant/sly/petitions/opinion/">民意信箱</a>' in html
    html = client.get("/en/sly/search/", {"q": "mailbox"}).content.decode()
    assert 'href="/en/sly/petitions/opinion/">Opinion <mark>mailbox</mark></a>' in html
    html = client.get("/en/sly/search/", {"q": "questionnaire"}).content.decode()
    assert 'href="/en/sly/questionnaire/">' in html


INLINE_CODE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>"), "inline <script>"),
    (re.compile(r"<style\b"), "<style> element"),
    (re.compile(r"\sstyle\s*=\s*[\"']"), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']"), "event-handler attribute"),
]


def test_it_has_no_inline_script_or_style_in_any_template():
    """The Content-Security-Policy blocks inline code: every page's templates must do without."""
    found = []
    for template in sorted(Path(settings.BASE_DIR, "templates").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE_CODE:
            for match in pattern.finditer(text):
                found.append(f"{template.relative_to(settings.BASE_DIR)}: {what}: {match[0]}")
    assert found == []



def test_it_serves_the_questionnaire_from_the_process_cache(client, site,
                                                            django_assert_max_num_queries):
    with django_assert_max_num_queries(5):  # agency, version in effect, its structure (3)
        first = client.get("/zh-hant/sly/questionnaire/").content.decode()
    with django_assert_max_num_queries(2):  # agency, version in effect
        again = client.get("/zh-hant/sly/questionnaire/").content.decode()
    questions = re.compile(r'<form method="post" class="questionnaire".*</form>', re.S)
    token = re.compile(r'value="[0-9a-f-]{36}"|name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", questions.search(first)[0]) == token.sub("", questions.search(again)[0])
    english = client.get("/en/sly/questionnaire/").content.decode()
    assert "Very satisfied" in english and "非常滿意" not in main_text(english)


def test_it_keeps_the_answers_given_when_the_form_comes_back_with_errors(client, site):
    html = client.post("/zh-hant/sly/questionnaire/", {
        "token": "8d2c3f4e-0000-4000-8000-000000000000", "env_a": "5", "env_b": "9",
        "comment": "停車<很難>"}).content.decode()
    assert re.search(r'id="id_env_a_0" value="5" checked', html)
    assert 'id="err-env_b"' in html and "停車&lt;很難&gt;</textarea>" in html


def test_it_sends_the_receipt_in_the_language_of_the_page(client, site,
                                                          django_capture_on_commit_callbacks):
    from django.core import mail

    from servq.petitions.models import Category

    page = client.get("/en/sly/petitions/opinion/").content.decode()
    key = re.search(r'name="submission_key" value="([0-9a-f]+)"', page)[1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/sly/petitions/opinion/", {
            "submission_key": key, "name": "Mary Lin", "email": "mary@example.org",
            "category": Category.objects.get(code="service").pk, "subject": "Signs",
            "content": "Please add signs to the nursing room.", "website": ""})
    assert response.status_code == 302
    [receipt] = mail.outbox
    assert receipt.subject.startswith("Shilin Branch, Administrative Enforcement Agency has")
    assert re.search(r"^Case number: [A-Z]{3}\d{9}$", receipt.body, re.M)
    assert re.search(r"^Received on: \d{4}-\d\d-\d\d$", receipt.body, re.M)
    assert "/en/sly/petitions/track/" in receipt.body
    assert CJK.findall(receipt.subject + receipt.body) == []

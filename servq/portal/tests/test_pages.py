import re

import pytest
from django.urls import reverse
from django.utils import translation

from servq.core.models import Agency
from servq.petitions.public_views import SESSION_RECEIPTS
from servq.surveys.kiosk import COOKIE as KIOSK_COOKIE
from servq.surveys.kiosk import kiosk_token

pytestmark = pytest.mark.django_db


def app_urls(site) -> list[str]:
    """The public pages the questionnaire and petitions apps mount in the site."""
    sly = {"agency": "sly"}
    return [
        reverse("portal:surveys_public:form", kwargs=sly),
        reverse("portal:surveys_public:kiosk", kwargs=sly),
        reverse("portal:surveys_public:kiosk", kwargs=sly) + "?sent=1",
        reverse("portal:surveys_public:thanks", kwargs=sly),
        reverse("portal:surveys_public:form", kwargs={"agency": "aee"}),  # none for the HQ
        reverse("portal:petitions_public:opinion", kwargs=sly),
        reverse("portal:petitions_public:ethics", kwargs=sly),
        reverse("portal:petitions_public:track", kwargs=sly),
        reverse("portal:petitions_public:received", kwargs=sly) + f"?n={site['petition'].number}",
    ]


def as_counter_tablet(client, site):
    """The client as the browser that sent the site's petition (only it sees the receipt
    page) and that staff enrolled as Shilin's counter tablet (only it gets the kiosk)."""
    session = client.session
    session[SESSION_RECEIPTS] = {site["petition"].number: None}
    session.save()
    client.cookies[KIOSK_COOKIE] = kiosk_token(Agency.objects.get(code="sly"))
    return client


def public_urls(site) -> list[str]:
    """Every public page of the site fixture, in the current language."""
    return portal_urls(site) + app_urls(site)


def portal_urls(site) -> list[str]:
    """The portal's own pages."""
    sly = {"agency": "sly"}
    return [
        reverse("portal:index"),
        reverse("portal:search-all") + "?q=拍賣",
        reverse("portal:home", kwargs=sly),
        reverse("portal:page", kwargs={**sly, "slug": "service-guide"}),
        reverse("portal:page", kwargs={**sly, "slug": "privacy"}),
        reverse("portal:page", kwargs={**sly, "slug": "security"}),
        reverse("portal:news", kwargs=sly),
        reverse("portal:news-detail", kwargs={**sly, "pk": site["news"][0].pk}),
        reverse("portal:faq", kwargs=sly),
        reverse("portal:sitemap", kwargs=sly),
        reverse("portal:disclosure", kwargs=sly),
        reverse("portal:disclosure-detail", kwargs={**sly, "pk": site["disclosure"].pk}),
        reverse("portal:forms", kwargs=sly),
        reverse("portal:payment", kwargs=sly),
        reverse("portal:payment", kwargs=sly) + "?amount=25000&category=income_tax",
        reverse("portal:payment", kwargs=sly) + "?amount=x",
        reverse("portal:search", kwargs=sly),
        reverse("portal:search", kwargs=sly) + "?q=稅",
        reverse("portal:search", kwargs=sly) + "?q=找不到的字",
    ]


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_it_serves_every_public_page_in_both_languages(client, site, language):
    with translation.override(language):
        urls = public_urls(site)
    as_counter_tablet(client, site)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{"en" if language == "en" else "zh-Hant"}">' in html, url


def test_it_writes_the_english_site_in_english(client, site):
    html = client.get("/en/sly/").content.decode()
    assert "Skip to main content" in html and "Main menu" in html
    assert "跳到主要內容" not in html
    html = client.get("/en/sly/news/").content.decode()
    assert "Real-property auction notice" in html


def test_it_falls_back_to_chinese_where_english_is_missing(client, site, cast):
    from servq.portal.models import NewsItem
    from servq.portal.services import content_save

    item = NewsItem.objects.get(title_zh="民意信箱說明")
    item.title_en = ""
    content_save(item=item)
    assert "民意信箱說明" in client.get("/en/sly/news/").content.decode()


def test_it_switches_language_on_the_same_page(client, site):
    html = client.get("/zh-hant/sly/payment/?amount=100&category=deed_tax").content.decode()
    assert 'href="/en/sly/payment/?amount=100&amp;category=deed_tax" hreflang="en"' in html
    html = client.get("/en/sly/faq/").content.decode()
    assert 'href="/zh-hant/sly/faq/" hreflang="zh-Hant"' in html


def test_it_marks_the_current_page_in_the_menu(client, site):
    html = client.get("/zh-hant/sly/faq/").content.decode()
    assert re.search(r'href="/zh-hant/sly/faq/" aria-current="page"', html)


def test_it_shows_each_agency_only_its_own_content(client, site):
    html = client.get("/zh-hant/sly/news/").content.decode()
    assert "臺北分署拍賣公告" not in html
    other = site["other_news"]
    assert client.get(f"/zh-hant/sly/news/{other.pk}/").status_code == 404
    assert client.get("/zh-hant/nosuch/").status_code == 404


def test_it_groups_disclosure_under_the_ten_categories(client, site):
    html = client.get("/zh-hant/sly/disclosure/").content.decode()
    assert html.count('<section id="category-') == 10
    assert "施政計畫、業務統計及研究報告" in html and "業務統計" in html


def test_it_downloads_forms_as_odt_and_pdf(client, site):
    form = site["forms"][0]
    odt = client.get(f"/zh-hant/sly/forms/{form.pk}/odt/")
    assert odt.status_code == 200
    assert b"".join(odt.streaming_content)[:2] == b"PK"
    assert "attachment" in odt["Content-Disposition"] and ".odt" in odt["Content-Disposition"]
    pdf = client.get(f"/zh-hant/sly/forms/{form.pk}/pdf/")
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    assert client.get(f"/zh-hant/sly/forms/{form.pk}/doc/").status_code == 404


def test_it_stops_offering_a_withdrawn_form(client, site):
    from datetime import date

    from servq.portal.services import content_save

    form = site["forms"][1]
    form.withdrawn_on = date(2015, 1, 1)
    content_save(item=form)
    assert client.get(f"/zh-hant/sly/forms/{form.pk}/pdf/").status_code == 404
    assert form.name_zh not in client.get("/zh-hant/sly/forms/").content.decode()


def assert_security_headers(response, url: str) -> None:
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp, url
    assert "style-src 'self'" in csp and "frame-ancestors 'none'" in csp, url
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_it_sends_the_security_headers_on_every_page(client, site):
    for url in public_urls(site) + ["/staff/", "/accounts/login/"]:
        assert_security_headers(client.get(url), url)


def test_it_sends_the_security_headers_on_errors_and_downloads(client, site):
    """Not only on rendered pages: on a 404 and on a streamed form file too."""
    form = site["forms"][0]
    for url, status in [("/zh-hant/nosuch/", 404), ("/zh-hant/sly/news/999999/", 404),
                        ("/en/sly/pages/nosuch/", 404), (f"/zh-hant/sly/forms/{form.pk}/odt/", 200),
                        (f"/en/sly/forms/{form.pk}/pdf/", 200)]:
        response = client.get(url)
        assert response.status_code == status, url
        assert_security_headers(response, url)


def test_it_sends_the_bare_address_to_the_chinese_site(client, site):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/zh-hant/"
    assert client.get("/", follow=True).redirect_chain == [("/zh-hant/", 302)]


@pytest.mark.parametrize("language,hours,lunch_home,lunch_guide", [
    ("zh-hant", "<dt>上班時間</dt><dd>週一至週五 08:30-17:30</dd>",
     "<dt>午休不打烊</dt><dd>12:30 至 13:30 由同仁在一樓服務台輪值",
     "<p>午休時間 12:30 至 13:30 照常服務"),
    ("en", "<dt>Opening hours</dt><dd>Mon-Fri 08:30-17:30</dd>",
     "<dt>Open at lunchtime</dt><dd>From 12:30 to 13:30 staff",
     "<p>We stay open at lunchtime, 12:30 to 13:30"),
])
def test_it_shows_the_opening_hours_and_the_lunchtime_service(client, site, language, hours,
                                                              lunch_home, lunch_guide):
    home = client.get(f"/{language}/sly/").content.decode()
    assert hours in home and lunch_home in home
    guide = client.get(f"/{language}/sly/pages/service-guide/").content.decode()
    guide_hours = hours.replace("<dt>", "<h2>").replace("</dt><dd>", "</h2>\n<p>")
    assert guide_hours.replace("</dd>", "</p>") in guide and lunch_guide in guide


def test_it_says_nothing_of_lunchtime_when_the_agency_closes_then(client, site):
    from servq.portal.models import SiteProfile
    from servq.portal.services import site_profile_save

    profile = SiteProfile.objects.get(agency=site["agency"])
    profile.lunch_service = False
    site_profile_save(profile=profile)
    for url in ["/zh-hant/sly/", "/zh-hant/sly/pages/service-guide/"]:
        html = client.get(url).content.decode()
        assert "週一至週五 08:30-17:30" in html and "12:30" not in html, url
        assert "午休不打烊" not in html and "午休時間" not in html, url


def test_it_has_no_inline_script_or_style_on_public_pages(client, site):
    for language in ["zh-hant", "en"]:
        with translation.override(language):
            urls = public_urls(site)
        for url in urls:
            html = client.get(url).content.decode()
            assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
            assert not re.search(r"<style|\sstyle=", html), url
            assert not re.search(r"\son[a-z]+=", html), url


def test_it_lists_pages_in_bounded_queries(client, site, django_assert_max_num_queries):
    for url in ["/zh-hant/sly/", "/zh-hant/sly/news/", "/zh-hant/sly/disclosure/",
                "/zh-hant/sly/forms/", "/zh-hant/sly/sitemap/"]:
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200


def test_it_renders_staff_prose_safely(client, site):
    from servq.portal.services import content_save

    page = site["pages"]["privacy"]
    page.body_zh = "## 標題\n<script>alert(1)</script>\n\n- 第一項\n- 第二項"
    content_save(item=page)
    html = client.get("/zh-hant/sly/pages/privacy/").content.decode()
    assert "<h2>標題</h2>" in html and "&lt;script&gt;" in html
    assert "<ul><li>第一項</li><li>第二項</li></ul>" in html

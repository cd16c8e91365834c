import re
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from servq.portal.models import NewsItem, SearchDocument
from servq.portal.search import (
    PAGE_SIZE, candidates, highlight, parse_query, search_documents,
)
from servq.portal.search_index import search_index_rebuild
from servq.portal.services import content_delete, content_save

from .conftest import make_news

pytestmark = pytest.mark.django_db


def titles(q, agency, language="zh-hant", **kwargs):
    outcome = search_documents(q=q, language=language, agency=agency, **kwargs)
    return [doc.title for doc in outcome.results]


def test_it_finds_one_and_two_character_chinese_words(site):
    sly = site["agency"]
    assert "欠稅可到超商繳納" in titles("稅", sly)
    assert "中午可以繳稅嗎？" in titles("稅", sly)
    assert titles("拍賣", sly)[0] == "不動產拍賣公告"
    assert "民意信箱說明" in titles("陳情", sly)


def test_it_finds_longer_words_through_the_trigram_index(site):
    sly = site["agency"]
    assert titles("不動產拍賣", sly) == ["不動產拍賣公告"]
    assert titles("綜合所得稅", sly) == ["欠稅可到超商繳納"]
    assert titles("不存在的詞語", sly) == []


def test_it_needs_every_term_of_the_query(site):
    sly = site["agency"]
    assert titles("拍賣 公告", sly, kinds=["news"]) == ["不動產拍賣公告"]
    assert titles("拍賣 陳情", sly) == []


def test_it_ignores_case_in_english(site):
    sly = site["agency"]
    assert titles("AUCTION", sly, language="en", kinds=["news"]) == [
        "Real-property auction notice"]
    assert titles("auction", sly, language="zh-hant") == []  # the Chinese index has no English


def test_it_keeps_to_the_agency_searched(site):
    assert "臺北分署拍賣公告" not in titles("拍賣", site["agency"])
    assert {"臺北分署拍賣公告", "不動產拍賣公告"} <= set(titles("拍賣", None))


def test_it_ranks_title_matches_first_then_by_how_often_the_word_occurs(cast):
    sly = cast.sly
    make_news(sly, "一般消息", date(2015, 6, 1), "拍賣拍賣拍賣")  # newest, but only in the text
    make_news(sly, "拍賣公告", date(2015, 1, 1), "內容")  # oldest, in the title
    make_news(sly, "另一則消息", date(2015, 3, 1), "拍賣")
    assert titles("拍賣", sly) == ["拍賣公告", "一般消息", "另一則消息"]


def test_it_filters_by_kind_and_counts_each_kind(site):
    sly = site["agency"]
    outcome = search_documents(q="稅", language="zh-hant", agency=sly)
    assert outcome.kind_counts["news"] >= 1 and outcome.kind_counts["faq"] == 1
    only_faq = search_documents(q="稅", language="zh-hant", agency=sly, kinds=["faq"])
    assert [doc.kind for doc in only_faq.results] == ["faq"]
    assert only_faq.total == 1


def test_it_finds_pages_that_apps_declare(site):
    """Static pages (here the portal's payment guide) are in the index like content."""
    hits = search_documents(q="分期", language="zh-hant", agency=site["agency"]).results
    assert any(doc.url == reverse("portal:payment", kwargs={"agency": "sly"}) for doc in hits)


def test_it_updates_the_index_with_the_content(site):
    sly = site["agency"]
    item = site["news"][0]
    item.title_zh = "動產變賣公告"
    content_save(item=item)
    assert "動產變賣公告" in titles("變賣", sly)
    assert "不動產拍賣公告" not in titles("拍賣", sly)
    content_delete(item=item)
    assert titles("變賣", sly) == []


def test_it_leaves_the_index_alone_when_a_content_write_fails(site):
    sly = site["agency"]
    item = site["news"][1]
    with pytest.raises(RuntimeError), transaction.atomic():
        item.title_zh = "改過的標題"
        content_save(item=item)
        raise RuntimeError("the request failed after saving")
    assert titles("改過", sly) == []
    assert NewsItem.objects.get(pk=item.pk).title_zh == "欠稅可到超商繳納"


def test_it_rebuilds_the_index_from_the_content(site):
    sly = site["agency"]
    SearchDocument.objects.filter(agency=sly).delete()
    assert titles("拍賣", sly) == []
    search_index_rebuild(agency=sly)
    assert titles("拍賣", sly) == ["不動產拍賣公告", "最新消息"]  # the news item, the news page


@pytest.mark.parametrize("term", ["稅", "拍", "陳情", "拍賣", "不動產", "綜合所得稅", "拍賣標的",
                                  "auction", "a", "nt", "20", "2萬", "，", "?"])
def test_it_finds_exactly_the_documents_containing_the_term(site, term):
    """The index paths (trigram, single characters, pg_trgm, tsvector) agree with a plain
    substring test over every document, on both databases."""
    for language in ["zh-hant", "en"]:
        found = {pk for pk, _kind in candidates([term], language=language, agency=None)}
        expected = {doc.pk for doc in SearchDocument.objects.filter(language=language)
                    if term in doc.haystack}
        assert found == expected, (term, language)


def test_it_takes_the_newest_matches_when_there_are_too_many(cast):
    """Past the limit the candidates are the newest matches, whichever path finds them (on
    PostgreSQL: the recent window when it holds enough matches, the indexes when not)."""
    for number in range(40):
        text = "欠稅公告" if number % 3 else "其他公告"
        make_news(cast.sly, f"第{number}則{text}", date(2015, 1, 1), text + "稀有字" * (number == 2))
    expected = [doc.pk for doc in SearchDocument.objects.filter(language="zh-hant")
                .order_by("-pk") if "稅" in doc.haystack][:5]
    for window in (8, 200):
        found = candidates(["稅"], language="zh-hant", agency=cast.sly, limit=5, window=window)
        assert [pk for pk, _kind in found] == expected
    rare = candidates(["稀有"], language="zh-hant", agency=cast.sly, limit=5, window=8)
    assert [pk for pk, _kind in rare] == [doc.pk for doc in SearchDocument.objects.filter(
        haystack__contains="稀有", language="zh-hant")]


def test_it_highlights_matches_and_escapes_everything_else():
    html = highlight("<script>拍賣</script> Auction", ["拍賣", "auction"])
    assert html == ("&lt;script&gt;<mark>拍賣</mark>&lt;/script&gt; <mark>Auction</mark>")


def test_it_splits_queries_on_any_space():
    assert parse_query("  拍賣\u3000公告 拍賣 AUCTION ") == ["拍賣", "公告", "auction"]


def test_it_shows_results_with_marks_on_the_search_page(client, site):
    url = reverse("portal:search", kwargs={"agency": "sly"})
    page = client.get(url, {"q": "<b>拍賣"}).content.decode()
    assert "&lt;b&gt;拍賣" in page and "<b>拍賣" not in page
    page = client.get(url, {"q": "拍賣"}).content.decode()
    assert "不動產<mark>拍賣</mark>公告" in page
    assert 'role="status"' in page


def search_page(client, q: str, agency: str | None = "sly", language: str = "zh-hant",
                **params) -> str:
    """The HTML of the agency's search page (or the all-agencies one when `agency` is None)."""
    with translation.override(language):
        url = (reverse("portal:search", kwargs={"agency": agency}) if agency
               else reverse("portal:search-all"))
    response = client.get(url, {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def result_links(html: str) -> list[str]:
    return re.findall(r'<h2 class="result-title"><a href="([^"]+)">', html)


def result_kinds(html: str) -> list[str]:
    return re.findall(r'<span class="kind">([^<]+)</span>', html)


@pytest.mark.parametrize("language,q,kind,shown", [
    ("zh-hant", "委任狀", "form", "下載書表"),
    ("zh-hant", "業務統計", "disclosure", "政府資訊公開"),
    ("en", "attorney", "form", "Form"),
    ("en", "statistics", "disclosure", "Information disclosure"),
])
def test_it_finds_a_form_and_a_disclosure_entry_on_the_search_page(client, site, language, q,
                                                                   kind, shown):
    form, entry = site["forms"][0], site["disclosure"]
    with translation.override(language):
        expected = {"form": reverse("portal:forms", kwargs={"agency": "sly"}) + f"#form-{form.pk}",
                    "disclosure": reverse("portal:disclosure-detail",
                                          kwargs={"agency": "sly", "pk": entry.pk})}[kind]
    assert expected in result_links(search_page(client, q, language=language))
    html = search_page(client, q, language=language, kind=kind)
    assert result_links(html) == [expected]
    assert result_kinds(html) == [shown]


def test_it_filters_by_kind_on_the_search_page_with_every_kinds_count(client, site):
    html = search_page(client, "稅", kind="faq")
    assert result_links(html) == [reverse("portal:faq", kwargs={"agency": "sly"})
                                  + f"#faq-{site['faq'].pk}"]
    assert set(result_kinds(html)) == {"常見問題"}
    assert "找到 1 筆結果。" in html
    checked = re.findall(r'<input type="checkbox" name="kind" value="(\w+)"[^>]* checked>', html)
    assert checked == ["faq"]
    # Each kind's box shows how many documents of that kind hold the word, whatever is ticked.
    shown = dict(re.findall(r'<label for="kind-(\w+)">[^<]*? \((\d+)\)</label>', html))
    holding = [doc.kind for doc in SearchDocument.objects.filter(agency=site["agency"],
                                                                 language="zh-hant")
               if "稅" in doc.haystack]
    assert shown == {kind: str(holding.count(kind)) for kind in SearchDocument.Kind.values}
    assert int(shown["news"]) >= 1 and shown["faq"] == "1"


def test_it_pages_through_many_results(client, site):
    for number in range(25):
        make_news(site["agency"], f"第{number}批拍賣公告", date(2015, 3, 1))
    first, second = search_page(client, "拍賣"), search_page(client, "拍賣", page=2)
    assert len(result_links(first)) == PAGE_SIZE
    assert result_links(second) and not set(result_links(first)) & set(result_links(second))
    holding = [doc for doc in SearchDocument.objects.filter(agency=site["agency"],
                                                           language="zh-hant")
               if "拍賣" in doc.haystack]
    assert len(result_links(first) + result_links(second)) == len(holding)
    assert '<ol class="search-results" start="21">' in second
    assert "第 2 頁，共 2 頁" in second and 'rel="prev"' in second and 'rel="next"' not in second
    assert 'href="?q=%E6%8B%8D%E8%B3%A3&amp;page=2" rel="next"' in first


def test_it_searches_every_agency_on_the_all_agencies_page(client, site, cast):
    html = search_page(client, "拍賣", agency=None)
    links = result_links(html)
    assert f"/zh-hant/sly/news/{site['news'][0].pk}/" in links
    assert f"/zh-hant/tpy/news/{site['other_news'].pk}/" in links
    agencies = set(re.findall(r'<p class="result-meta">([^<]+?) · ', html))
    assert {cast.sly.short_name, cast.tpy.short_name} <= agencies


def test_it_searches_in_a_bounded_number_of_queries(client, site, django_assert_max_num_queries):
    url = reverse("portal:search", kwargs={"agency": "sly"})
    with django_assert_max_num_queries(12):
        assert client.get(url, {"q": "稅"}).status_code == 200


def test_it_redirects_the_plain_search_address(client, site):
    response = client.get("/search/", {"q": "陳情", "agency": "sly"})
    assert response.status_code == 302
    assert response["Location"].startswith("/zh-hant/sly/search/?q=")
    response = client.get("/search/", {"q": "稅"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"].startswith("/en/search/?q=")


def test_it_limits_searches_per_client(client, site, monkeypatch):
    from servq.portal import views

    # The limit counts per fixed minute: stop the clock, or the requests may straddle two.
    frozen = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: frozen)
    url = reverse("portal:search", kwargs={"agency": "sly"})
    statuses = [client.get(url, {"q": "稅"}).status_code
                for _ in range(views.SEARCH_LIMIT_PER_MINUTE + 1)]
    assert statuses[:-1] == [200] * views.SEARCH_LIMIT_PER_MINUTE
    assert statuses[-1] == 429
    other_client = client.get(url, {"q": "稅"}, REMOTE_ADDR="10.9.8.7")
    assert other_client.status_code == 200


def test_it_rebuilds_the_index_from_the_command_line(site):
    from io import StringIO

    from django.core.management import CommandError, call_command

    SearchDocument.objects.all().delete()
    out = StringIO()
    call_command("search_reindex", "--agency", "sly", stdout=out)
    assert "搜尋索引已重建" in out.getvalue()
    assert titles("拍賣", site["agency"], kinds=["news"]) == ["不動產拍賣公告"]
    with pytest.raises(CommandError, match="nosuch"):
        call_command("search_reindex", "--agency", "nosuch")


def test_it_finds_news_only_from_its_publication_day(cast, monkeypatch):
    """News dated in the future stays out of search, and comes in on its day by itself."""
    today = timezone.localdate()
    make_news(cast.sly, "下月拍賣公告", today + timedelta(days=30), "尚未公開的拍賣內容")
    make_news(cast.sly, "本日拍賣公告", today, "已公開的拍賣內容")
    assert titles("拍賣", cast.sly) == ["本日拍賣公告"]
    assert titles("尚未公開", None) == []
    later = timezone.now() + timedelta(days=30)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the clock: a month on
    assert set(titles("拍賣", cast.sly)) == {"下月拍賣公告", "本日拍賣公告"}

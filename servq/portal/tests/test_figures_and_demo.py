from datetime import date

import pytest
from django.core.management import call_command

from servq.core.periods import Period
from servq.portal.demo_content import FORM_NAMES
from servq.portal.figures import portal_figures
from servq.portal.models import DisclosureCategory, DisclosureEntry, DownloadForm, NewsItem
from servq.portal.search import search_documents
from servq.portal.services import content_save
from servq.reports.registry import ReportScope

from .conftest import make_form, make_news

pytestmark = pytest.mark.django_db
KEYS = {"download_forms", "news_updates", "news_updates_ytd"}


def figures(agency, code="2015Q2", consolidated=False):
    return portal_figures(ReportScope.for_agency(agency, Period.parse(code),
                                                 consolidated=consolidated))


def test_it_gives_the_same_keys_without_any_content(cast):
    assert figures(cast.sly) == {key: 0 for key in KEYS}


def test_it_counts_news_published_in_the_quarter_and_the_year(cast, django_assert_num_queries):
    make_news(cast.sly, "一月", date(2015, 1, 31))
    make_news(cast.sly, "四月", date(2015, 4, 1))
    make_news(cast.sly, "六月底", date(2015, 6, 30))
    make_news(cast.sly, "七月", date(2015, 7, 1))
    make_news(cast.sly, "去年", date(2014, 12, 31))
    make_news(cast.tpy, "臺北", date(2015, 5, 1))
    with django_assert_num_queries(2):
        result = figures(cast.sly)
    assert result["news_updates"] == 2 and result["news_updates_ytd"] == 3
    make_news(cast.sly, "五月", date(2015, 5, 5))
    assert figures(cast.sly)["news_updates"] == 3
    assert figures(cast.aee, consolidated=True)["news_updates"] == 4


def test_it_counts_forms_offered_at_the_periods_end(cast):
    make_form(cast.sly, "委任狀")
    late = make_form(cast.sly, "閱覽卷宗申請書")
    late.offered_from = date(2015, 7, 1)
    content_save(item=late)
    gone = make_form(cast.sly, "申明承受狀")
    gone.withdrawn_on = date(2015, 6, 30)  # withdrawn on the last day: not on offer at its end
    content_save(item=gone)
    assert figures(cast.sly)["download_forms"] == 1
    assert figures(cast.sly, "2015Q3")["download_forms"] == 2
    assert figures(cast.sly, "2015Q1")["download_forms"] == 2


def test_it_loads_shilins_public_site_twice_without_duplicates(agencies, settings):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    sly = agencies["sly"]
    h1 = NewsItem.objects.filter(agency=sly, published_on__range=(date(2015, 1, 1),
                                                                  date(2015, 6, 30)))
    assert h1.count() == 30  # the seed's 30 website news updates in H1 2015
    assert DownloadForm.objects.filter(agency=sly).count() == len(FORM_NAMES) == 18
    categories = set(DisclosureEntry.objects.filter(agency=sly).values_list("category",
                                                                             flat=True))
    assert categories == set(DisclosureCategory.values)
    result = figures(sly)
    assert result == {"download_forms": 18, "news_updates": 16, "news_updates_ytd": 30}
    form = DownloadForm.objects.filter(agency=sly).first()
    assert form.odt_file.read(2) == b"PK" and form.pdf_file.read(5) == b"%PDF-"
    # The mounted apps' pages are in the index after the demo, in both languages.
    for q, language, path in [("陳情", "zh-hant", "/zh-hant/sly/petitions/opinion/"),
                              ("廉政", "zh-hant", "/zh-hant/sly/petitions/ethics/"),
                              ("問卷", "zh-hant", "/zh-hant/sly/questionnaire/"),
                              ("petition", "en", "/en/sly/petitions/opinion/"),
                              ("questionnaire", "en", "/en/sly/questionnaire/"),
                              ("track", "en", "/en/sly/petitions/track/")]:
        found = search_documents(q=q, language=language, agency=sly)
        assert path in [document.url for document in found.results], (q, language)
    # A demo form and the quarter's statistics are found under their kinds.
    power = DownloadForm.objects.get(agency=sly, name_zh="委任狀")
    statistics = DisclosureEntry.objects.get(agency=sly, title_zh__contains="業務統計")
    for q, kind, url in [("委任狀", "form", f"/zh-hant/sly/forms/#form-{power.pk}"),
                         ("業務統計", "disclosure", f"/zh-hant/sly/disclosure/{statistics.pk}/")]:
        found = search_documents(q=q, language="zh-hant", agency=sly, kinds=[kind])
        assert [document.url for document in found.results] == [url], q

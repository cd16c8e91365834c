"""Website news updates: `ledgers.web_updates` counts the portal's news, or an indicator."""

from datetime import date

from servq.ledgers.models import Indicator
from servq.ledgers.services.indicators import indicator_values_save
from servq.portal.models import NewsItem
from servq.portal.services import content_save


def news(agency, published_on):
    return content_save(item=NewsItem(agency=agency, title_zh="消息", body_zh="內容",
                                      published_on=published_on))


def test_it_counts_the_news_published_on_the_portal(cast, figures):
    for day in (date(2014, 12, 31), date(2015, 1, 31), date(2015, 4, 1), date(2015, 6, 30),
                date(2015, 7, 1)):
        news(cast.sly, day)
    news(cast.tpy, date(2015, 5, 1))
    figure = figures(cast.sly, "2015Q2")["web_updates"]
    assert (figure["value"], figure["quarter"]["value"], figure["month"]["value"]) == (3, 2, 1)
    news(cast.sly, date(2015, 5, 5))
    assert figures(cast.sly, "2015Q2")["web_updates"]["quarter"]["value"] == 3
    assert figures(cast.aee, "2015Q2", consolidated=True)["web_updates"]["value"] == 5


def test_it_takes_an_indicator_of_that_code_for_a_website_kept_elsewhere(cast, figures):
    """Taipei keeps its site elsewhere and enters its updates; Shilin's portal news still count
    for Shilin, and the HQ's figure is the sum of both."""
    news(cast.sly, date(2015, 4, 1))
    news(cast.sly, date(2015, 6, 2))
    updates = Indicator.objects.create(code="web_updates", name="網站最新消息更新", unit="次",
                                       office="statistics")
    updates.full_clean()  # the code is free for such an indicator
    indicator_values_save(indicator=updates, agency=cast.tpy,
                          values={(date(2015, 2, 1), None): 4, (date(2015, 6, 1), None): 6})
    taipei = figures(cast.tpy, "2015Q2")["web_updates"]
    assert (taipei["value"], taipei["quarter"]["value"], taipei["month"]["value"],
            taipei["name"]) == (10, 6, 6, "網站最新消息更新")
    shilin = figures(cast.sly, "2015Q2")["web_updates"]
    assert (shilin["value"], shilin["quarter"]["value"], shilin["month"]["value"]) == (2, 2, 1)
    both = figures(cast.aee, "2015Q2", consolidated=True)["web_updates"]
    assert (both["value"], both["quarter"]["value"], both["month"]["value"]) == (12, 8, 7)

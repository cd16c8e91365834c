from datetime import date
from decimal import Decimal

from servq.core.periods import Period
from servq.petitions.figures import media_figures, petition_figures
from servq.petitions.models import Channel, NewsReport, PressRelease
from servq.petitions.services import (
    petition_register_not_processed, petition_reply,
)
from servq.reports.registry import ReportScope

Q2 = Period.parse("2015Q2")


def figures(agency, period=Q2, consolidated=False):
    return petition_figures(ReportScope.for_agency(agency, period, consolidated=consolidated))


def replied(make_petition, rules, received, days, **kwargs):
    petition = make_petition(received_on=received, **kwargs)
    petition_reply(petition=petition, method="letter", summary="函復", actor=rules.secretariat,
                   on=date.fromordinal(received.toordinal() + days))
    return petition


def test_it_has_the_same_keys_with_no_data(rules):
    empty = figures(rules.sly)
    assert empty["received"] == empty["received_ytd"] == empty["overdue_open"] == 0
    assert empty["average_days_ytd"] is None
    assert set(empty["by_channel_ytd"]) == set(Channel.values)
    assert set(empty["by_category_ytd"]) == {"case", "attitude", "service", "ethics", "other"}
    assert {"received", "received_ytd", "closed_ytd", "average_days_ytd", "overdue_open",
            "closed_late_ytd", "not_processed_ytd"} <= set(empty)
    media = media_figures(ReportScope.for_agency(rules.sly, Q2))
    assert (media["negative_news_ytd"], media["press_releases_ytd"]) == (0, 0)


def test_it_counts_and_averages_from_the_records(make_petition, rules,
                                                 django_assert_max_num_queries):
    replied(make_petition, rules, date(2015, 2, 2), 3, channel=Channel.EMAIL)
    replied(make_petition, rules, date(2015, 4, 1), 4, category_code="case")
    replied(make_petition, rules, date(2015, 5, 4), 6)
    make_petition(received_on=date(2014, 12, 1))  # another year: not in these figures' counts
    with django_assert_max_num_queries(7):  # a constant number, whatever the data
        result = figures(rules.sly)
    assert (result["received"], result["received_ytd"], result["closed_ytd"]) == (2, 3, 3)
    assert result["average_days_ytd"] == Decimal("4.3")  # 13 / 3 = 4.33
    assert result["average_days"] == Decimal("5.0")
    assert result["by_channel_ytd"]["email"] == 1 and result["by_channel_ytd"]["letter"] == 2
    assert result["by_category_ytd"]["case"] == 1
    # A change in the records changes the figures: one more reply after 1 day.
    replied(make_petition, rules, date(2015, 6, 1), 1)
    assert figures(rules.sly)["average_days_ytd"] == Decimal("3.5")  # 14 / 4


def test_it_rounds_the_average_half_up(make_petition, rules):
    for days in (4, 4, 4, 5):  # 17 / 4 = 4.25 -> 4.3 (a float round would give 4.2)
        replied(make_petition, rules, date(2015, 4, 1), days)
    assert figures(rules.sly)["average_days_ytd"] == Decimal("4.3")


def test_it_counts_overdue_at_the_period_end_late_closures_and_unprocessed(make_petition, rules):
    open_late = make_petition(category_code="case", received_on=date(2015, 6, 1))
    assert figures(rules.sly)["overdue_open"] == 1
    # Replied after the quarter: still overdue at 6/30, and a late closure in Q3's year to date.
    petition_reply(petition=open_late, method="letter", summary="", actor=rules.secretariat,
                   on=date(2015, 7, 2))
    assert figures(rules.sly)["overdue_open"] == 1
    q3 = figures(rules.sly, Period.parse("2015Q3"))
    assert (q3["overdue_open"], q3["closed_late_ytd"]) == (0, 1)
    skipped = make_petition(received_on=date(2015, 6, 2), petitioner=None)
    petition_register_not_processed(petition=skipped, reason="anonymous", actor=rules.secretariat,
                                    on=date(2015, 6, 3))
    result = figures(rules.sly)
    assert (result["not_processed_ytd"], result["closed_ytd"]) == (1, 0)


def test_it_consolidates_the_branches_for_the_hq(make_petition, rules):
    replied(make_petition, rules, date(2015, 4, 1), 2)
    replied(make_petition, rules, date(2015, 4, 1), 4, agency=rules.tpy)
    assert figures(rules.sly)["received_ytd"] == 1
    hq = figures(rules.aee, consolidated=True)
    assert (hq["received_ytd"], hq["average_days_ytd"]) == (2, Decimal("3.0"))


def test_it_counts_the_media_ledger(rules, django_assert_max_num_queries):
    for day in (date(2015, 1, 5), date(2015, 5, 5), date(2015, 7, 1)):
        PressRelease.objects.create(agency=rules.sly, issued_on=day, title=f"新聞稿 {day}")
    NewsReport.objects.create(agency=rules.sly, published_on=date(2015, 4, 9), outlet="某報",
                              subject="報導", response="發布新聞稿澄清")
    with django_assert_max_num_queries(4):
        media = media_figures(ReportScope.for_agency(rules.sly, Q2))
    assert (media["press_releases"], media["press_releases_ytd"]) == (1, 2)
    assert (media["negative_news"], media["negative_news_ytd"]) == (1, 1)
    assert [row["title"] for row in media["press_release_list_ytd"]] == [
        "新聞稿 2015-01-05", "新聞稿 2015-05-05"]

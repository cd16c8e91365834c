from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from servq.ledgers.models import Indicator, IndicatorCategory, IndicatorValue
from servq.ledgers.services.indicators import (TallyRefused, indicator_baseline_save,
                                               indicator_tally, indicator_values_save)


def indicator(code):
    return Indicator.objects.get(code=code)


def channels(code="case_inquiries"):
    return {c.code: c.pk for c in IndicatorCategory.objects.filter(indicator__code=code)}


def save(agency, code, values, actor=None):
    return indicator_values_save(indicator=indicator(code), agency=agency, values=values,
                                 actor=actor)


def test_it_sums_the_months_into_year_to_date_quarter_and_month_figures(cast, figures):
    ch = channels()
    save(cast.sly, "case_inquiries", {
        (date(2015, 2, 1), ch["onsite"]): 10, (date(2015, 2, 1), ch["phone"]): 4,
        (date(2015, 5, 1), ch["onsite"]): 7, (date(2015, 6, 1), ch["web"]): 3,
        (date(2015, 7, 1), ch["web"]): 100,  # after the period: not counted
    })
    figure = figures(cast.sly, "2015Q2")["case_inquiries"]
    assert figure["value"] == 24
    assert figure["by"] == {"onsite": 17, "phone": 4, "web": 3, "copy": 0}
    assert figure["quarter"] == {"value": 10, "by": {"onsite": 7, "phone": 0, "web": 3, "copy": 0}}
    assert figure["month"]["value"] == 3
    assert figure["by_month"]["2015-02"] == 14 and figure["by_month"]["2015-06"] == 3

    save(cast.sly, "case_inquiries", {(date(2015, 5, 1), ch["onsite"]): 9})
    assert figures(cast.sly, "2015Q2")["case_inquiries"]["value"] == 26


def test_it_clears_a_cell_saved_blank_and_reports_a_figure_for_a_month_period(cast, figures):
    save(cast.sly, "egate_edocs", {(date(2015, 3, 1), None): 200, (date(2015, 4, 1), None): 50})
    assert figures(cast.sly, "2015-04")["egate_edocs"]["value"] == 250
    assert figures(cast.sly, "2015-03")["egate_edocs"]["month"]["value"] == 200
    changed = save(cast.sly, "egate_edocs", {(date(2015, 3, 1), None): None})
    assert changed == 1
    assert figures(cast.sly, "2015-04")["egate_edocs"]["value"] == 50


def test_it_counts_a_running_total_from_its_latest_baseline(cast, figures):
    visitors = indicator("web_visitors")
    indicator_baseline_save(indicator=visitors, agency=cast.sly, counted_since=date(2006, 1, 1),
                            through=date(2014, 12, 31), value=170_000)
    save(cast.sly, "web_visitors", {(date(2014, 12, 1), None): 999,  # inside the baseline already
                                    (date(2015, 1, 1), None): 2_000,
                                    (date(2015, 5, 1), None): 443})
    figure = figures(cast.sly, "2015Q2")["web_visitors"]
    assert (figure["value"], figure["added"], figure["since"]) == (172_443, 2_443,
                                                                   date(2006, 1, 1))
    assert figure["quarter"] == {"value": 172_443, "added": 443, "by": {}}
    # A later count replaces the earlier one from its month on.
    indicator_baseline_save(indicator=visitors, agency=cast.sly, counted_since=date(2006, 1, 1),
                            through=date(2015, 3, 31), value=180_000)
    assert figures(cast.sly, "2015Q2")["web_visitors"]["value"] == 180_443
    assert figures(cast.sly, "2015Q1")["web_visitors"]["value"] == 180_000


def test_it_makes_a_figure_of_an_indicator_defined_in_the_admin(cast, figures):
    assert "parking_permits" not in figures(cast.sly)
    permits = Indicator.objects.create(code="parking_permits", name="停車證核發", unit="張",
                                       office="secretariat")
    car = IndicatorCategory.objects.create(indicator=permits, code="car", name="汽車")
    IndicatorCategory.objects.create(indicator=permits, code="scooter", name="機車")
    indicator_values_save(indicator=permits, agency=cast.sly,
                          values={(date(2015, 4, 1), car.pk): 12})
    figure = figures(cast.sly)["parking_permits"]
    assert figure["value"] == 12 and figure["by"] == {"car": 12, "scooter": 0}
    assert figure["unit"] == "張" and figure["categories"] == {"car": "汽車", "scooter": "機車"}
    permits.is_active = False
    permits.save()
    assert "parking_permits" not in figures(cast.sly)


def test_it_refuses_an_indicator_code_that_a_ledger_figure_already_uses(db):
    with pytest.raises(ValidationError, match="trainings"):
        Indicator(code="trainings", name="x", office="personnel").full_clean()
    with pytest.raises(ValidationError):
        Indicator(code="Bad-Code", name="x", office="personnel").full_clean()


def test_it_sums_every_branch_for_a_consolidated_scope(cast, figures):
    save(cast.sly, "egate_edocs", {(date(2015, 4, 1), None): 30})
    save(cast.tpy, "egate_edocs", {(date(2015, 5, 1), None): 12})
    visitors = indicator("web_visitors")
    for agency, value in ((cast.sly, 1_000), (cast.tpy, 500)):
        indicator_baseline_save(indicator=visitors, agency=agency, counted_since=date(2006, 1, 1),
                                through=date(2014, 12, 31), value=value)
    save(cast.tpy, "web_visitors", {(date(2015, 2, 1), None): 7})
    hq = figures(cast.aee, consolidated=True)
    assert hq["egate_edocs"]["value"] == 42
    assert hq["web_visitors"]["value"] == 1_507
    assert figures(cast.sly)["egate_edocs"]["value"] == 30
    assert figures(cast.aee)["egate_edocs"]["value"] == 0  # the HQ alone has none


def test_it_counts_front_desk_clicks_and_undoes_one(cast):
    ch = channels()
    inquiries, phone = indicator("case_inquiries"), IndicatorCategory.objects.get(pk=ch["phone"])
    today = timezone.localdate()
    for _ in range(3):
        value = indicator_tally(indicator=inquiries, agency=cast.sly, category=phone, on=today,
                                actor=cast.front_desk)
    assert value == 3
    assert indicator_tally(indicator=inquiries, agency=cast.sly, category=phone, on=today,
                           delta=-1) == 2
    cell = IndicatorValue.objects.get(agency=cast.sly, category=phone)
    assert (cell.value, cell.month) == (2, today.replace(day=1))


def test_it_refuses_a_tally_below_zero_or_on_an_indicator_without_tally(cast):
    today = timezone.localdate()
    web = IndicatorCategory.objects.get(indicator__code="case_inquiries", code="web")
    with pytest.raises(TallyRefused):
        indicator_tally(indicator=indicator("case_inquiries"), agency=cast.sly, category=web,
                        on=today, delta=-1)
    with pytest.raises(TallyRefused):
        indicator_tally(indicator=indicator("egate_edocs"), agency=cast.sly, category=None,
                        on=today)


def test_it_tallies_from_the_front_desk_page(cast, client_for):
    client = client_for(cast.front_desk)
    url = reverse("ledgers:tally", args=["sly"])
    onsite = IndicatorCategory.objects.get(indicator__code="case_inquiries", code="onsite")
    page = client.get(url).content.decode()
    assert "現場查詢" in page and "本月 0" in page
    client.post(url, {"indicator": "case_inquiries", "category": onsite.pk})
    client.post(url, {"indicator": "case_inquiries", "category": onsite.pk})
    response = client.post(url, {"indicator": "case_inquiries", "category": onsite.pk,
                                 "delta": "-1"}, follow=True)
    assert "本月累計 1 件" in response.content.decode()
    assert IndicatorValue.objects.get(category=onsite, agency=cast.sly).value == 1


def test_it_refuses_a_tally_without_the_category_the_indicator_needs(cast, client_for):
    with pytest.raises(TallyRefused, match="請選擇分類"):
        indicator_tally(indicator=indicator("case_inquiries"), agency=cast.sly, category=None,
                        on=timezone.localdate())
    url = reverse("ledgers:tally", args=["sly"])
    response = client_for(cast.front_desk).post(url, {"indicator": "case_inquiries"},
                                                follow=True)
    assert "「案件查詢受理件數」依分類計數，請選擇分類。" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_it_saves_the_grid_for_the_owning_office_only(cast, client_for):
    url = reverse("ledgers:indicator-grid", args=["sly", "case_inquiries", 2015])
    onsite = channels()["onsite"]
    field = f"m04_{onsite}"
    response = client_for(cast.secretariat).post(url, {field: "45"})
    assert response.status_code == 302
    assert IndicatorValue.objects.get(category_id=onsite, month=date(2015, 4, 1)).value == 45
    page = client_for(cast.statistics).get(url).content.decode()
    assert "45" in page and "<input" not in page.split("<table")[1].split("</table>")[0]
    assert client_for(cast.statistics).post(url, {field: "46"}).status_code == 403
    assert IndicatorValue.objects.get(category_id=onsite, month=date(2015, 4, 1)).value == 45


def test_it_shows_what_is_wrong_in_a_grid_cell(cast, client_for):
    url = reverse("ledgers:indicator-grid", args=["sly", "egate_edocs", 2015])
    response = client_for(cast.secretariat).post(url, {"m04_0": "-3", "m05_0": "abc"})
    assert response.status_code == 200
    assert "須為 0 以上的整數" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_it_lets_the_statistics_office_set_the_visitors_baseline(cast, client_for, figures):
    url = reverse("ledgers:indicator-baseline", args=["sly", "web_visitors"])
    data = {"counted_since": "95/01/01", "through": "103/12/31", "value": "170200"}
    assert client_for(cast.secretariat).post(url, data).status_code == 403
    client_for(cast.statistics).post(url, data)
    assert figures(cast.sly)["web_visitors"]["value"] == 170_200
    client_for(cast.statistics).post(url, data | {"through": "103/12/30"})
    assert figures(cast.sly)["web_visitors"]["value"] == 170_200  # not a month end: refused

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servq.core.periods import Period
from servq.core.roc_dates import (
    parse_roc_date, roc_data_time, roc_date, roc_date_short, roc_month_range, roc_period,
)


def test_it_formats_the_seed_dates():
    assert roc_date(date(2015, 6, 30)) == "民國104年6月30日"
    assert roc_date(date(2015, 6, 30), prefix=False) == "104年6月30日"
    assert roc_date_short(date(2015, 6, 30)) == "104/06/30"
    assert roc_period(Period.parse("2015Q2")) == "民國104年第2季"
    assert roc_period(Period.parse("2015Q2").year_to_date()) == "104年1月至6月"
    assert roc_data_time(Period.parse("2015Q2")) == "104年1月至6月（第2季）"


def test_it_handles_year_ends_and_leap_days():
    assert roc_date(date(2015, 12, 31)) == "民國104年12月31日"
    assert roc_date(date(2016, 1, 1)) == "民國105年1月1日"
    assert roc_date_short(date(2016, 2, 29)) == "105/02/29"
    assert parse_roc_date("105/02/29") == date(2016, 2, 29)
    with pytest.raises(ValueError):
        parse_roc_date("104/02/29")  # 2015 is not a leap year
    assert roc_month_range(date(2014, 11, 1), date(2015, 2, 28)) == "103年11月至104年2月"
    assert roc_period(Period.parse("2015-12")) == "民國104年12月"
    assert roc_period(Period.parse("2015H2")) == "民國104年下半年"


def test_it_handles_roc_year_one_and_before():
    assert roc_date(date(1912, 1, 1)) == "民國1年1月1日"
    assert roc_date_short(date(1912, 1, 1)) == "1/01/01"
    assert roc_date(date(1911, 12, 31)) == "民國前1年12月31日"
    assert roc_date(date(1900, 1, 1)) == "民國前12年1月1日"
    with pytest.raises(ValueError):
        roc_date_short(date(1911, 12, 31))
    with pytest.raises(ValueError):
        parse_roc_date("0/01/01")


@pytest.mark.parametrize("text", ["104-6-30", "104.06.30", " 104/6/30 "])
def test_it_parses_the_usual_separators(text):
    assert parse_roc_date(text) == date(2015, 6, 30)


@given(st.dates(min_value=date(1912, 1, 1), max_value=date(2200, 12, 31)))
def test_it_round_trips_short_dates(day):
    assert parse_roc_date(roc_date_short(day)) == day

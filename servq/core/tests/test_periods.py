from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servq.core.periods import Period

days = st.dates(min_value=date(1912, 1, 1), max_value=date(2100, 12, 31))


def test_it_parses_each_kind_of_code():
    assert Period.parse("2015Q2") == Period(date(2015, 4, 1), date(2015, 6, 30), "quarter")
    assert Period.parse("2015-02").end == date(2015, 2, 28)
    assert Period.parse("2016-02").end == date(2016, 2, 29)
    assert Period.parse("2015H1").end == date(2015, 6, 30)
    assert Period.parse("2015").start == date(2015, 1, 1)
    assert Period.parse("2015-01..2015-06").end == date(2015, 6, 30)
    assert Period.parse(" 2015q4 ").code == "2015Q4"


@pytest.mark.parametrize("code", ["2015Q5", "2015Q0", "2015-13", "15Q1", "2015-06..2015-01", ""])
def test_it_refuses_bad_codes_with_a_message(code):
    with pytest.raises(ValueError, match="無效的期間"):
        Period.parse(code)


def test_it_gives_the_year_to_date_and_previous_quarter():
    q2 = Period.parse("2015Q2")
    assert q2.year_to_date().start == date(2015, 1, 1)
    assert q2.year_to_date().end == date(2015, 6, 30)
    assert q2.previous().code == "2015Q1"
    assert Period.parse("2015Q1").previous().code == "2014Q4"
    assert Period.parse("2015-01").previous().code == "2014-12"
    assert Period.parse("2015-01..2015-06").previous().code == "2014-07..2014-12"


def test_it_lists_the_months_of_a_period():
    assert Period.parse("2014-11..2015-02").months() == [
        date(2014, 11, 1), date(2014, 12, 1), date(2015, 1, 1), date(2015, 2, 1)]


@given(days, st.sampled_from(["month", "quarter", "half", "year"]))
def test_it_tiles_time_without_gaps(day, kind):
    period = Period.containing(day, kind)
    assert day in period
    assert Period.parse(period.code) == period
    assert period.previous().end == period.start - timedelta(days=1)
    assert period.year_to_date().end == period.end

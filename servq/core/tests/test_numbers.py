from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from servq.core.numbers import format_ntd, format_percent, format_points, mean, percent


def test_it_rounds_percentages_half_up_from_counts():
    assert percent(16, 26) == Decimal("61.5")
    assert percent(1, 26) == Decimal("3.8")
    assert percent(1, 8) == Decimal("12.5")
    assert percent(1, 16) == Decimal("6.3")    # 6.25 -> 6.3 (round() on floats gives 6.2)
    assert percent(0, 0) is None


def test_it_formats_money_and_percents():
    assert format_ntd(64268869) == "64,268,869"
    assert format_ntd(64268869, style="prefix") == "NT$64,268,869"
    assert format_ntd(28094089, style="words") == "新臺幣28,094,089元"
    assert format_percent(Decimal("61.5")) == "61.5%"
    assert format_percent(Decimal("100")) == "100.0%"
    assert format_percent(None) == "—"
    assert format_points(Decimal("-3.85")) == "-3.9"
    assert format_points(Decimal("0")) == "0.0"
    assert mean(43, 10) == Decimal("4.3")


@given(st.integers(min_value=1, max_value=10**6), st.data())
def test_it_keeps_percentages_within_bounds(base, data):
    count = data.draw(st.integers(min_value=0, max_value=base))
    value = percent(count, base)
    assert Decimal(0) <= value <= Decimal(100)
    assert abs(value - Decimal(count) * 100 / base) <= Decimal("0.05")

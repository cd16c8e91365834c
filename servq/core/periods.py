"""Reporting periods: a month, a quarter, a half year, a year, or a month range (year to date).

Codes: "2015-06" (month), "2015Q2", "2015H1", "2015" (year), "2015-01..2015-06" (month range).
Periods are closed date ranges [start, end].
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_HALF = re.compile(r"^(\d{4})H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$")


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    kind: str  # month | quarter | half | year | range

    # construction -------------------------------------------------------------------------
    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        return cls(date(year, month, 1), month_end(year, month), "month")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        if not 1 <= quarter <= 4:
            raise ValueError(f"quarter must be 1-4, not {quarter}")
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), month_end(year, first + 2), "quarter")

    @classmethod
    def half(cls, year: int, half: int) -> "Period":
        first = 1 if half == 1 else 7
        return cls(date(year, first, 1), month_end(year, first + 5), "half")

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def months_between(cls, first: date, last: date) -> "Period":
        """Whole months from first's month to last's month."""
        if (last.year, last.month) < (first.year, first.month):
            raise ValueError("a period cannot end before it starts")
        return cls(date(first.year, first.month, 1), month_end(last.year, last.month), "range")

    @classmethod
    def containing(cls, day: date, kind: str = "quarter") -> "Period":
        if kind == "month":
            return cls.month(day.year, day.month)
        if kind == "quarter":
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        if kind == "half":
            return cls.half(day.year, 1 if day.month <= 6 else 2)
        if kind == "year":
            return cls.year(day.year)
        raise ValueError(f"unknown period kind {kind!r}")

    @classmethod
    def parse(cls, code: str) -> "Period":
        code = code.strip().upper()
        try:
            if m := _MONTH.match(code):
                return cls.month(int(m[1]), int(m[2]))
            if m := _QUARTER.match(code):
                return cls.quarter(int(m[1]), int(m[2]))
            if m := _HALF.match(code):
                return cls.half(int(m[1]), int(m[2]))
            if m := _YEAR.match(code):
                return cls.year(int(m[1]))
            if m := _RANGE.match(code):
                return cls.months_between(
                    date(int(m[1]), int(m[2]), 1), date(int(m[3]), int(m[4]), 1)
                )
        except ValueError as error:
            raise ValueError(f"無效的期間 {code!r}：{error}") from None
        raise ValueError(
            f"無效的期間 {code!r}：請用 2015-06（月）、2015Q2（季）、2015H1（半年）、"
            "2015（年）或 2015-01..2015-06（月份區間）"
        )

    # derived ------------------------------------------------------------------------------
    @property
    def code(self) -> str:
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "half":
            return f"{self.start.year}H{1 if self.start.month == 1 else 2}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start:%Y-%m}..{self.end:%Y-%m}"

    @property
    def quarter_number(self) -> int | None:
        return (self.start.month - 1) // 3 + 1 if self.kind == "quarter" else None

    def __str__(self) -> str:
        return self.code

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def months(self) -> list[date]:
        """First day of each month in the period."""
        result, (year, month) = [], (self.start.year, self.start.month)
        while (year, month) <= (self.end.year, self.end.month):
            result.append(date(year, month, 1))
            year, month = add_months(year, month, 1)
        return result

    def year_to_date(self) -> "Period":
        """From 1 January of the end's year to the period's end (累計至N月底)."""
        return Period(date(self.end.year, 1, 1), self.end, "range")

    def previous(self) -> "Period":
        """The period of the same kind just before this one (2015Q1 -> 2014Q4)."""
        if self.kind in {"month", "quarter", "half", "year"}:
            return Period.containing(self.start - timedelta(days=1), self.kind)
        span = len(self.months())
        year, month = add_months(self.start.year, self.start.month, -span)
        last_year, last_month = add_months(self.start.year, self.start.month, -1)
        return Period.months_between(date(year, month, 1), date(last_year, last_month, 1))

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }

"""The spans a report figure covers: the year to date at the period's end (累計至N月底), the
quarter to date and the month of the period's end."""

from dataclasses import dataclass
from datetime import date

from servq.core.periods import Period


@dataclass(frozen=True)
class Span:
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def as_range(self) -> tuple[date, date]:
        return self.start, self.end


@dataclass(frozen=True)
class Windows:
    year_to_date: Span
    quarter: Span
    month: Span

    @classmethod
    def ending(cls, period: Period) -> "Windows":
        end = period.end
        quarter = Period.containing(end, "quarter")
        month = Period.containing(end, "month")
        return cls(year_to_date=Span(date(end.year, 1, 1), end),
                   quarter=Span(quarter.start, min(quarter.end, end)),
                   month=Span(month.start, min(month.end, end)))

    @property
    def end(self) -> date:
        return self.year_to_date.end

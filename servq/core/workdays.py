"""Working days from the office calendar: Monday-Friday, minus holidays, plus make-up workdays.

One query fetches the exceptions of the range in question; arithmetic then runs in Python
over at most a few months of days.
"""

from datetime import date, timedelta

from django.db.models import Q

from .models import Agency, CalendarDay


class WorkCalendar:
    """The working days of one agency over [first, last]."""

    def __init__(self, first: date, last: date, agency: Agency | None = None):
        self.first, self.last = first, last
        rows = CalendarDay.objects.filter(day__range=(first, last))
        rows = rows.filter(Q(agency__isnull=True) | Q(agency=agency)) if agency else \
            rows.filter(agency__isnull=True)
        national: dict[date, bool] = {}
        local: dict[date, bool] = {}
        for day, is_workday, agency_id in rows.values_list("day", "is_workday", "agency_id"):
            (local if agency_id else national)[day] = is_workday
        self._overrides = national | local  # an agency's own rows win over the national ones

    def is_workday(self, day: date) -> bool:
        if not self.first <= day <= self.last:
            raise ValueError(f"{day} is outside the calendar's range {self.first}..{self.last}")
        return self._overrides.get(day, day.weekday() < 5)

    def workdays(self) -> list[date]:
        days, day = [], self.first
        while day <= self.last:
            if self.is_workday(day):
                days.append(day)
            day += timedelta(days=1)
        return days


def _span_for(count: int) -> timedelta:
    # Room for the longest holiday runs (the Lunar New Year) on top of ordinary weekends.
    return timedelta(days=count * 2 + 30)


def add_workdays(start: date, count: int, agency: Agency | None = None) -> date:
    """The count-th working day after start (start itself is day 0, as deadlines count)."""
    if count < 0:
        raise ValueError("count must not be negative")
    calendar = WorkCalendar(start, start + _span_for(count), agency)
    day, remaining = start, count
    while remaining:
        day += timedelta(days=1)
        if calendar.is_workday(day):
            remaining -= 1
    return day


def workdays_between(first: date, last: date, agency: Agency | None = None) -> int:
    """Working days in (first, last]: how many working days a reply on `last` took."""
    if last <= first:
        return 0
    calendar = WorkCalendar(first + timedelta(days=1), last, agency)
    return len(calendar.workdays())


def is_workday(day: date, agency: Agency | None = None) -> bool:
    return WorkCalendar(day, day, agency).is_workday(day)

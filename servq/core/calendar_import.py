"""Import of the office calendar published by the Executive Yuan's DGPA (政府行政機關辦公日曆表).

The published CSV lists every day of a year: 西元日期 (YYYYMMDD), 星期, 是否放假 (2 = day off,
0 = workday), 備註. servq keeps only the exceptions to the Monday-Friday week; importing a
year replaces that year's national exceptions.
"""

from datetime import date

from django.db import transaction

from .models import CalendarDay
from .tabular import ImportRejected, Problem, Table, check_columns

COLUMNS = ["西元日期", "星期", "是否放假", "備註"]
DAY_OFF, WORKDAY = "2", "0"


@transaction.atomic
def calendar_import(*, table: Table) -> dict[int, int]:
    """Replace the national exceptions of each year in the file. Returns {year: exceptions}."""
    problems = check_columns(table, required=COLUMNS[:3], optional=COLUMNS[3:])
    if problems:
        raise ImportRejected(problems)
    at = {name: table.index(name) for name in COLUMNS}
    exceptions: list[CalendarDay] = []
    years: dict[int, int] = {}
    seen: set[date] = set()
    for line, cells in table.rows():
        raw_day, flag = cells[at["西元日期"]], cells[at["是否放假"]]
        remark = cells[at["備註"]] if at["備註"] is not None else ""
        try:
            if len(raw_day) != 8 or not raw_day.isdigit():
                raise ValueError
            day = date(int(raw_day[:4]), int(raw_day[4:6]), int(raw_day[6:]))
        except ValueError:
            problems.append(Problem(line, "西元日期", raw_day, "應為 YYYYMMDD 的有效日期"))
            continue
        if flag not in {DAY_OFF, WORKDAY}:
            problems.append(Problem(line, "是否放假", flag, "應為 2（放假）或 0（上班）"))
            continue
        if day in seen:
            problems.append(Problem(line, "西元日期", raw_day, "同一日期出現兩次"))
            continue
        seen.add(day)
        years.setdefault(day.year, 0)
        is_workday = flag == WORKDAY
        if is_workday != (day.weekday() < 5):
            exceptions.append(CalendarDay(day=day, is_workday=is_workday, name=remark[:60]))
            years[day.year] += 1
    if not seen:
        problems.append(Problem(None, None, None, "檔案沒有任何日期"))
    if problems:
        raise ImportRejected(problems)
    CalendarDay.objects.filter(agency__isnull=True, day__year__in=list(years)).delete()
    CalendarDay.objects.bulk_create(exceptions)
    return years

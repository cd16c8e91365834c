"""Dates in the Republic of China (民國) calendar: year 1 is 1912; 1911 is 民國前1年.

Dates are stored as ISO dates; these functions only format and parse them.
"""

import re
from datetime import date

from .periods import Period

ROC_OFFSET = 1911
_ROC_SHORT = re.compile(r"^(\d{1,3})[/.-](\d{1,2})[/.-](\d{1,2})$")


def roc_year(day: date) -> int:
    """The ROC year number; zero or negative before 1912 (see roc_year_label)."""
    return day.year - ROC_OFFSET


def roc_year_label(year: int) -> str:
    """民國104年, 民國1年, 民國前1年 (there is no year 0: 1911 is 前1年)."""
    if year >= 1:
        return f"民國{year}年"
    return f"民國前{1 - year}年"


def _year_part(day: date, prefix: bool) -> str:
    label = roc_year_label(roc_year(day))
    return label if prefix else label.removeprefix("民國")


def roc_date(day: date, *, prefix: bool = True) -> str:
    """民國104年6月30日 (prefix=False: 104年6月30日)."""
    return f"{_year_part(day, prefix)}{day.month}月{day.day}日"


def roc_date_short(day: date) -> str:
    """104/06/30, as printed on forms and in tables. Only for dates from 1912 on."""
    year = roc_year(day)
    if year < 1:
        raise ValueError(f"{day.isoformat()} is before the ROC calendar's year 1 (1912)")
    return f"{year}/{day.month:02d}/{day.day:02d}"


def parse_roc_date(text: str) -> date:
    """Parse 104/06/30, 104.6.30 or 104-06-30 into a date; ValueError if it is not one."""
    match = _ROC_SHORT.match(text.strip())
    if not match:
        raise ValueError(f"「{text}」不是民國日期（例如 104/06/30）")
    year, month, day = (int(part) for part in match.groups())
    if year < 1:
        raise ValueError(f"「{text}」的民國年必須大於 0")
    return date(year + ROC_OFFSET, month, day)


def roc_month_range(start: date, end: date) -> str:
    """104年1月至6月; across years 103年11月至104年2月; a single month 104年6月."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{_year_part(start, False)}{start.month}月"
    if start.year == end.year:
        return f"{_year_part(start, False)}{start.month}月至{end.month}月"
    return f"{_year_part(start, False)}{start.month}月至{_year_part(end, False)}{end.month}月"


def roc_period(period: Period, *, prefix: bool = True) -> str:
    """民國104年第2季, 民國104年上半年, 民國104年6月, 民國104年, or 104年1月至6月 for a range."""
    year = _year_part(period.start, prefix)
    if period.kind == "quarter":
        return f"{year}第{period.quarter_number}季"
    if period.kind == "half":
        return f"{year}{'上' if period.start.month == 1 else '下'}半年"
    if period.kind == "month":
        return f"{year}{period.start.month}月"
    if period.kind == "year":
        return year
    return roc_month_range(period.start, period.end)


def roc_data_time(period: Period) -> str:
    """The report cover's 資料時間: 104年1月至6月（第2季）."""
    span = roc_month_range(date(period.end.year, 1, 1), period.end)
    if period.kind == "quarter":
        return f"{span}（第{period.quarter_number}季）"
    return span

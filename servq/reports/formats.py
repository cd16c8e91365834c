"""Value formats of the template language: `{{ path|percent }}`, `{{ path|ntd }}`, ...

Each format turns one figure value into text. A format given a value of the wrong kind raises
FormatError; None (a figure without data) becomes "—" in every number format.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from servq.core import numbers, roc_dates
from servq.core.periods import Period

NO_DATA = "—"


class FormatError(ValueError):
    pass


def _number(value, name: str) -> Decimal | int:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
        raise FormatError(f"格式 {name} 需要數值，但此數據是「{value!r}」")
    return value if isinstance(value, (int, Decimal)) else Decimal(str(value))


def _integer(value, name: str) -> int:
    number = _number(value, name)
    if number != int(number):
        raise FormatError(f"格式 {name} 需要整數，但此數據是 {number}")
    return int(number)


def _places(args: list[str], default: int) -> int:
    if not args:
        return default
    try:
        places = int(args[0])
    except ValueError:
        raise FormatError(f"小數位數必須是 0 到 3 的整數，不是「{args[0]}」") from None
    if not 0 <= places <= 3:
        raise FormatError(f"小數位數必須是 0 到 3，不是 {places}")
    return places


def _as_date(value, name: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise FormatError(f"格式 {name} 需要日期，但此數據是「{value!r}」")


def _as_period(value, name: str) -> Period:
    if isinstance(value, Period):
        return value
    code = value.get("code") if isinstance(value, dict) else value
    if isinstance(code, str):
        try:
            return Period.parse(code)
        except ValueError:
            pass
    raise FormatError(f"格式 {name} 需要期間（如 period），但此數據是「{value!r}」")


def fmt_percent(value, args):
    if value is None:
        return NO_DATA
    return numbers.format_percent(Decimal(_number(value, "percent")), places=_places(args, 1))


def fmt_number(value, args):
    """A plain number: 93.3, 5548 (no separators); places optional."""
    if value is None:
        return NO_DATA
    number = _number(value, "number")
    if args:
        return f"{numbers.round_half_up(number, _places(args, 1)):f}"
    return str(number)


def fmt_thousands(value, args):
    if value is None:
        return NO_DATA
    number = _number(value, "thousands")
    if args:
        return f"{numbers.round_half_up(number, _places(args, 1)):,f}"
    return f"{number:,}"


def fmt_ntd(value, args):
    return NO_DATA if value is None else numbers.format_ntd(_integer(value, "ntd"))


def fmt_ntd_words(value, args):
    return NO_DATA if value is None else numbers.format_ntd(_integer(value, "ntd_words"),
                                                            style="words")


def fmt_wan(value, args):
    """182443 -> 18萬2,443 (counts as the field writes large numbers)."""
    if value is None:
        return NO_DATA
    number = _integer(value, "wan")
    high, low = divmod(abs(number), 10000)
    sign = "-" if number < 0 else ""
    if not high:
        return f"{sign}{low:,}"
    return f"{sign}{high:,}萬{low:,}" if low else f"{sign}{high:,}萬"


def fmt_points(value, args):
    return numbers.format_points(None if value is None else Decimal(_number(value, "points")))


def fmt_roc_date(value, args):
    """104年6月30日; a record dated by month or months (`2015-02`, `2015-01..2015-06`, as the
    ledgers date some activities) prints as 104年2月 or 104年1月至6月."""
    if value is None:
        return NO_DATA
    prefix = bool(args and args[0] == "民國")
    if isinstance(value, str) and (len(value) == 7 or ".." in value):
        period = _as_period(value, "roc_date")
        return ("民國" if prefix else "") + roc_dates.roc_month_range(period.start, period.end)
    return roc_dates.roc_date(_as_date(value, "roc_date"), prefix=prefix)


def fmt_roc_date_short(value, args):
    return NO_DATA if value is None else roc_dates.roc_date_short(_as_date(value, "roc_date_short"))


def fmt_roc_year(value, args):
    if value is None:
        return NO_DATA
    if isinstance(value, dict) or (isinstance(value, str) and len(value) < 10):
        day = _as_period(value, "roc_year").end
    else:
        day = _as_date(value, "roc_year")
    return str(roc_dates.roc_year(day))


def fmt_roc_month_day(value, args):
    """6月30日 (within a year already named)."""
    if value is None:
        return NO_DATA
    day = _as_date(value, "roc_month_day")
    return f"{day.month}月{day.day}日"


def fmt_month_end(value, args):
    """6月底 (累計至6月底), from a date or a period's end."""
    if value is None:
        return NO_DATA
    day = _as_period(value, "month_end").end if isinstance(value, dict) else _as_date(value, "month_end")
    return f"{day.month}月底"


def fmt_pairs(value, args):
    """{"財政部臺北國稅局": 12, ...} -> 財政部臺北國稅局12人、... (args: the unit)."""
    if value is None:
        return NO_DATA
    if not isinstance(value, dict) or any(isinstance(v, (dict, list)) for v in value.values()):
        raise FormatError("格式 pairs 需要「名稱: 數值」的對照")
    unit = args[0] if args else ""
    return "、".join(f"{key}{fmt_thousands(number, []) if number is not None else NO_DATA}{unit}"
                    for key, number in value.items())


def fmt_roc_period(value, args):
    return roc_dates.roc_period(_as_period(value, "roc_period"), prefix=not args)


def fmt_roc_months(value, args):
    period = _as_period(value, "roc_months")
    return roc_dates.roc_month_range(period.start, period.end)


def fmt_data_time(value, args):
    return roc_dates.roc_data_time(_as_period(value, "data_time"))


def fmt_count(value, args):
    if value is None:
        return "0"
    if not isinstance(value, (list, dict)):
        raise FormatError(f"格式 count 需要清單，但此數據是「{value!r}」")
    return str(len(value))


def fmt_text(value, args):
    if value is None:
        return NO_DATA
    if isinstance(value, (dict, list)):
        raise FormatError("這是一組數據而非單一數值：請指明其中的項目，或用 count、top、bottom")
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def fmt_join(value, args):
    if value is None:
        return NO_DATA
    if not isinstance(value, list) or any(isinstance(item, (dict, list)) for item in value):
        raise FormatError("格式 join 需要文字清單")
    return (args[0] if args else "、").join(str(item) for item in value)


@dataclass(frozen=True)
class Format:
    name: str
    function: Callable
    description: str


FORMATS: dict[str, Format] = {f.name: f for f in [
    Format("text", fmt_text, "原樣（未指定格式時使用）"),
    Format("percent", fmt_percent, "百分比，一位小數：61.5%（percent:0 為整數）"),
    Format("number", fmt_number, "數值，不加千分位：93.3（number:1 指定小數位數）"),
    Format("thousands", fmt_thousands, "千分位：92,140"),
    Format("ntd", fmt_ntd, "新臺幣整數元：64,268,869"),
    Format("ntd_words", fmt_ntd_words, "新臺幣64,268,869元"),
    Format("wan", fmt_wan, "以萬為單位：18萬2,443"),
    Format("points", fmt_points, "百分點變動，帶正負號：+3.8"),
    Format("roc_date", fmt_roc_date,
           "104年6月30日；以月記的紀錄為104年2月、104年1月至6月（roc_date:民國 加上「民國」）"),
    Format("roc_date_short", fmt_roc_date_short, "104/06/30"),
    Format("roc_month_day", fmt_roc_month_day, "6月30日"),
    Format("roc_year", fmt_roc_year, "民國年數字：104"),
    Format("month_end", fmt_month_end, "6月底（累計至6月底）"),
    Format("roc_period", fmt_roc_period, "民國104年第2季"),
    Format("roc_months", fmt_roc_months, "104年4月至6月"),
    Format("data_time", fmt_data_time, "資料時間：104年1月至6月（第2季）"),
    Format("count", fmt_count, "清單的筆數"),
    Format("join", fmt_join, "文字清單以頓號相連"),
    Format("pairs", fmt_pairs, "名稱與數值對照：財政部臺北國稅局12人、…（pairs:人）"),
]}


def apply_format(name: str, value, args: list[str]) -> str:
    try:
        return FORMATS[name].function(value, args)
    except (InvalidOperation, OverflowError) as error:
        raise FormatError(f"格式 {name} 無法處理「{value!r}」：{error}") from None

"""Numbers as the field writes them: percentages rounded half-up (四捨五入) from counts,
whole NT$ with thousands separators."""

from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")


def percent(count: int, base: int, places: int = 1) -> Decimal | None:
    """count/base as a percentage, rounded half-up; None when the base is zero."""
    if base == 0:
        return None
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(count) * 100 / Decimal(base)).quantize(quantum, rounding=ROUND_HALF_UP)


def round_half_up(value: Decimal | int | float | str, places: int = 1) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def mean(total: int | Decimal, count: int, places: int = 1) -> Decimal | None:
    """total/count rounded half-up; None for no items."""
    if count == 0:
        return None
    return (Decimal(total) / Decimal(count)).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
    )


def format_int(value: int) -> str:
    """5548 -> 5,548."""
    return f"{int(value):,}"


def format_ntd(value: int, *, style: str = "plain") -> str:
    """Whole NT$: plain 64,268,869; prefix NT$64,268,869; words 新臺幣64,268,869元."""
    amount = f"{int(value):,}"
    if style == "prefix":
        return f"NT${amount}"
    if style == "words":
        return f"新臺幣{amount}元"
    return amount


def format_percent(value: Decimal | None, *, places: int = 1, sign: bool = True) -> str:
    """61.5 -> '61.5%'; None (no base) -> '—'."""
    if value is None:
        return "—"
    text = f"{round_half_up(value, places):.{places}f}"
    return f"{text}%" if sign else text


def format_points(value: Decimal | None, places: int = 1) -> str:
    """A change in percentage points, signed: +3.8, -1.2, 0.0."""
    if value is None:
        return "—"
    rounded = round_half_up(value, places)
    return f"{rounded:+.{places}f}" if rounded != 0 else f"{Decimal(0):.{places}f}"

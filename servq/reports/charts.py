"""Charts for reports as PNG images: a bar chart of one distribution, grouped bars of several.

Generic on purpose (labels and numbers in, PNG bytes out); Noto Sans CJK TC for every glyph.
"""

import io
import threading
from dataclasses import dataclass
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

FONT_FAMILY = "Noto Sans CJK TC"
DPI = 150
WIDTH_CM = 15.0
# A restrained palette that stays distinct in greyscale print.
COLOURS = ["#0b4f8a", "#4f81bd", "#9bbb59", "#f0a030", "#c0504d", "#8064a2", "#7f7f7f"]
_lock = threading.Lock()  # matplotlib's font cache is not thread-safe


@dataclass(frozen=True)
class ChartImage:
    png: bytes
    width_cm: float
    height_cm: float


def _font_available() -> bool:
    return any(font.name == FONT_FAMILY for font in font_manager.fontManager.ttflist)


def _number(value) -> float:
    if value is None:
        return 0.0
    return float(value) if not isinstance(value, Decimal) else float(value)


def _label_value(value, unit: str) -> str:
    if value is None:
        return "—"
    number = Decimal(str(value))
    text = f"{number:.1f}" if unit == "%" else (f"{number:,}" if number == int(number) else f"{number}")
    return f"{text}{unit if unit == '%' else ''}"


def wrap_label(label: str, width: int = 6) -> str:
    """Long CJK labels on two or more lines under a bar instead of running into the next."""
    if len(label) <= width:
        return label
    return "\n".join(label[i:i + width] for i in range(0, len(label), width))


def _save(figure: Figure, height_cm: float) -> ChartImage:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return ChartImage(buffer.getvalue(), WIDTH_CM, height_cm)


def _new_figure(height_cm: float) -> Figure:
    figure = Figure(figsize=(WIDTH_CM / 2.54, height_cm / 2.54), layout="constrained")
    return figure


def _style_axes(axes, unit: str, values: list[float]):
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=8)
    if unit:
        axes.set_ylabel("百分比（%）" if unit == "%" else f"單位：{unit}", fontsize=8)
    top = max(values or [0])
    if unit == "%":
        axes.set_ylim(0, max(100, top) * 1.12)
    else:
        axes.set_ylim(0, (top or 1) * 1.15)


def bar_chart(labels: list[str], values: list, *, unit: str = "%", horizontal: bool = False) -> ChartImage:
    """One distribution: a bar per option (or per item), each labelled with its value."""
    with _lock, matplotlib.rc_context({"font.family": FONT_FAMILY if _font_available() else "sans-serif"}):
        height_cm = max(6.0, 0.75 * len(labels) + 1.8) if horizontal else 7.0
        figure = _new_figure(height_cm)
        axes = figure.add_subplot()
        numbers = [_number(v) for v in values]
        if horizontal:
            positions = list(range(len(labels)))[::-1]
            bars = axes.barh(positions, numbers, color=COLOURS[0], height=0.6)
            axes.set_yticks(positions, labels)
            axes.spines[["top", "right"]].set_visible(False)
            axes.tick_params(labelsize=8)
            axes.set_xlim(0, (max(100, max(numbers or [0])) if unit == "%" else max(numbers or [1]) or 1) * 1.15)
            if unit:
                axes.set_xlabel("百分比（%）" if unit == "%" else f"單位：{unit}", fontsize=8)
        else:
            bars = axes.bar(range(len(labels)), numbers, color=COLOURS[0], width=0.6)
            axes.set_xticks(range(len(labels)), [wrap_label(label) for label in labels])
            _style_axes(axes, unit, numbers)
        axes.bar_label(bars, labels=[_label_value(v, unit) for v in values], fontsize=8, padding=2)
        return _save(figure, height_cm)


def grouped_bar_chart(groups: list[str], series: list[tuple[str, list]], *, unit: str = "%") -> ChartImage:
    """Several distributions side by side: one group per item, one bar per option."""
    with _lock, matplotlib.rc_context({"font.family": FONT_FAMILY if _font_available() else "sans-serif"}):
        height_cm = 8.0
        figure = _new_figure(height_cm)
        axes = figure.add_subplot()
        count = max(len(series), 1)
        width = 0.8 / count
        all_values = []
        for index, (name, values) in enumerate(series):
            numbers = [_number(v) for v in values]
            all_values.extend(numbers)
            offsets = [g - 0.4 + width * (index + 0.5) for g in range(len(groups))]
            bars = axes.bar(offsets, numbers, width=width * 0.92, label=name,
                            color=COLOURS[index % len(COLOURS)])
            if count <= 3:
                axes.bar_label(bars, labels=[_label_value(v, unit) for v in values], fontsize=7,
                               padding=1)
        axes.set_xticks(range(len(groups)), [wrap_label(group) for group in groups])
        _style_axes(axes, unit, all_values)
        figure.legend(fontsize=8, ncols=min(count, 6), loc="outside upper center", frameon=False)
        return _save(figure, height_cm)

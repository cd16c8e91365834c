"""Bar charts as PNG images, for report documents and for the questionnaire's results page
(servq/surveys/charts.py adapts its statistics to these functions).

Generic on purpose: labels and numbers in, PNG bytes out; they never query the database.
matplotlib draws on its Agg canvas (no display, no pyplot state, safe in web workers) with
Noto Sans CJK TC from Debian's fonts-noto-cjk for every glyph.

- bar_chart: one value per bar (a distribution's options, or one value of several items);
- grouped_bar_chart: several series side by side in each group;
- stacked_bar_chart: one 100% bar per item, split by the options of its scale (the clearest
  picture of several distributions: each row reads left to right from best to worst).
"""

import io
import threading
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

FONT_FAMILY = "Noto Sans CJK TC"
FONT_FILES = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"]
DPI = 150
WIDTH_CM = 15.0
INK = "#1b1b1b"
# A restrained palette that stays distinct in greyscale print.
COLOURS = ["#0b4f8a", "#4f81bd", "#9bbb59", "#f0a030", "#c0504d", "#8064a2", "#7f7f7f"]
# Scales read from the best option to the worst: five points, then yes / no.
SCALE_PALETTES = {
    5: ["#08519c", "#6baed6", "#bdbdbd", "#fd8d3c", "#a63603"],
    2: ["#238b45", "#969696"],
}
DARK = {"#08519c", "#a63603", "#238b45", "#969696", "#0b4f8a", "#c0504d", "#8064a2", "#7f7f7f"}
_lock = threading.Lock()  # matplotlib's font cache and rc parameters are process-wide


@dataclass(frozen=True)
class ChartImage:
    png: bytes
    width_cm: float
    height_cm: float


@lru_cache(maxsize=1)
def font_family() -> str:
    """Noto Sans CJK TC, registered from its file if fontconfig did not list it; a clear error
    naming the Debian package when it is not installed (a chart of boxes helps nobody)."""
    wanted = font_manager.FontProperties(family=FONT_FAMILY)
    try:
        font_manager.findfont(wanted, fallback_to_default=False)
    except ValueError:
        for path in FONT_FILES:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError):
                pass
        try:
            font_manager.findfont(wanted, fallback_to_default=False)
        except ValueError:
            raise RuntimeError(f"找不到字型 {FONT_FAMILY}：請安裝 Debian 套件 fonts-noto-cjk") \
                from None
    return FONT_FAMILY


def scale_colours(count: int) -> list[str]:
    return SCALE_PALETTES.get(count) or [COLOURS[i % len(COLOURS)] for i in range(count)]


def _number(value) -> float:
    return 0.0 if value is None else float(value)


def value_text(value, unit: str) -> str:
    if value is None:
        return "—"
    number = Decimal(str(value))
    if unit == "%":
        return f"{number:.1f}%"
    return f"{number:,}" if number == number.to_integral_value() else f"{number}"


def wrap_label(label: str, width: int = 6) -> str:
    """Long CJK labels on two or more lines under a bar instead of running into the next."""
    if len(label) <= width:
        return label
    return "\n".join(label[i:i + width] for i in range(0, len(label), width))


def _axis_label(unit: str) -> str:
    return "百分比（%）" if unit == "%" else f"單位：{unit}"


class _Canvas:
    """A figure of the given size in the house style; .png() once drawn."""

    def __init__(self, width_cm: float, height_cm: float, dpi: int):
        self.width_cm, self.height_cm, self.dpi = width_cm, height_cm, dpi
        self.figure = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=dpi,
                             layout="constrained")
        self.axes = self.figure.add_subplot()
        self.axes.spines[["top", "right"]].set_visible(False)
        self.axes.tick_params(labelsize=8.5)

    def image(self) -> ChartImage:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=self.dpi, metadata={"Software": None})
        return ChartImage(buffer.getvalue(), self.width_cm, self.height_cm)


def _drawing():
    return matplotlib.rc_context({
        "font.family": font_family(), "axes.unicode_minus": False, "font.size": 9,
        "text.color": INK, "axes.labelcolor": INK, "xtick.color": INK, "ytick.color": INK,
    })


def bar_chart(labels: list[str], values: list, *, unit: str = "%", horizontal: bool = False,
              bar_labels: list[str] | None = None, colours: list[str] | None = None,
              title: str | None = None, width_cm: float = WIDTH_CM,
              height_cm: float | None = None, dpi: int = DPI) -> ChartImage:
    """A bar per label, each labelled with its value (or with bar_labels: 61.5%（16）)."""
    numbers = [_number(v) for v in values]
    texts = bar_labels or [value_text(v, unit) for v in values]
    top = max(numbers or [0])
    limit = (max(100.0, top) if unit == "%" else (top or 1.0)) * 1.15
    if height_cm is None:
        height_cm = max(5.5, 0.8 * len(labels) + 1.8) if horizontal else 7.0
    with _lock, _drawing():
        canvas = _Canvas(width_cm, height_cm, dpi)
        axes = canvas.axes
        colour = colours or [COLOURS[0]] * len(labels)
        if horizontal:
            positions = list(range(len(labels)))[::-1]
            bars = axes.barh(positions, numbers, color=colour, height=0.6)
            axes.set_yticks(positions, labels)
            axes.set_xlim(0, limit)
            if unit:
                axes.set_xlabel(_axis_label(unit), fontsize=8.5)
        else:
            bars = axes.bar(range(len(labels)), numbers, color=colour, width=0.6)
            axes.set_xticks(range(len(labels)), [wrap_label(label) for label in labels])
            axes.set_ylim(0, limit)
            if unit:
                axes.set_ylabel(_axis_label(unit), fontsize=8.5)
        axes.bar_label(bars, labels=texts, fontsize=8, padding=2)
        if title:
            axes.set_title(title, fontsize=10)
        return canvas.image()


def grouped_bar_chart(groups: list[str], series: list[tuple[str, list]], *, unit: str = "%",
                      width_cm: float = WIDTH_CM, height_cm: float = 8.0,
                      dpi: int = DPI) -> ChartImage:
    """Several series side by side: one group per item, one bar per series."""
    count = max(len(series), 1)
    width = 0.8 / count
    all_values = [_number(v) for _, values in series for v in values]
    top = max(all_values or [0])
    with _lock, _drawing():
        canvas = _Canvas(width_cm, height_cm, dpi)
        axes = canvas.axes
        for index, (name, values) in enumerate(series):
            offsets = [g - 0.4 + width * (index + 0.5) for g in range(len(groups))]
            bars = axes.bar(offsets, [_number(v) for v in values], width=width * 0.92, label=name,
                            color=scale_colours(count)[index])
            if count <= 3:
                axes.bar_label(bars, labels=[value_text(v, unit) for v in values], fontsize=7,
                               padding=1)
        axes.set_xticks(range(len(groups)), [wrap_label(group) for group in groups])
        axes.set_ylim(0, (max(100.0, top) if unit == "%" else (top or 1.0)) * 1.12)
        if unit:
            axes.set_ylabel(_axis_label(unit), fontsize=8.5)
        canvas.figure.legend(fontsize=8, ncols=min(count, 6), loc="outside upper center",
                             frameon=False)
        return canvas.image()


def stacked_bar_chart(rows: list[tuple[str, list[tuple[str, object]]]], *,
                      title: str | None = None, width_cm: float = WIDTH_CM,
                      height_cm: float | None = None, dpi: int = DPI) -> ChartImage:
    """One horizontal 100% bar per row, top to bottom: (label, [(option, percent), ...]) with
    the options of the row's scale from best to worst (rows may have different scales: the
    legend lists each option once). Shares of 8% or more carry their number; a row without
    any value is marked 本期無填答."""
    if height_cm is None:
        height_cm = 2.6 + 0.85 * max(len(rows), 1)
    with _lock, _drawing():
        canvas = _Canvas(width_cm, height_cm, dpi)
        axes = canvas.axes
        legend = {}
        for index, (_, segments) in enumerate(rows):
            position, left = len(rows) - 1 - index, 0.0
            for (option, value), colour in zip(segments, scale_colours(len(segments))):
                share = _number(value)
                bar = axes.barh(position, share, left=left, color=colour, height=0.62)
                legend.setdefault(option, bar)
                if share >= 8:
                    axes.text(left + share / 2, position, value_text(value, ""), ha="center",
                              va="center", fontsize=7.5, color="white" if colour in DARK else INK)
                left += share
            if all(value is None for _, value in segments):
                axes.text(1, position, "本期無填答", va="center", fontsize=8)
        axes.set_yticks(range(len(rows)), [label for label, _ in reversed(rows)])
        axes.set_xlim(0, 100)
        axes.set_xlabel(_axis_label("%"), fontsize=8.5)
        if title:
            axes.set_title(title, fontsize=10)
        canvas.figure.legend(legend.values(), legend.keys(), loc="outside lower center",
                             ncols=min(len(legend), 7), frameon=False, fontsize=8)
        return canvas.image()

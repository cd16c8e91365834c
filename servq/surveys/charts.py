"""Bar charts of questionnaire results as PNG bytes, for the results page and for reports.

matplotlib draws on its Agg canvas (no display, safe in web workers: no pyplot state) with
Noto Sans CJK TC from Debian's fonts-noto-cjk. Charts never query the database: they take the
statistics already computed.
"""

import io
from functools import lru_cache

from .statistics import QuestionStats

FONT_FAMILY = "Noto Sans CJK TC"
FONT_FILES = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"]
# Five-point scales from the best option to the worst, then two-option scales (yes, no).
PALETTES = {
    5: ["#08519c", "#6baed6", "#bdbdbd", "#fd8d3c", "#a63603"],
    2: ["#238b45", "#969696"],
}
INK = "#1b1b1b"


@lru_cache(maxsize=1)
def _font_family() -> str:
    from matplotlib import font_manager

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


def _colors(count: int) -> list[str]:
    return PALETTES.get(count) or [f"C{i}" for i in range(count)]


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=110, layout="constrained")


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _rc():
    import matplotlib

    return matplotlib.rc_context({"font.family": _font_family(), "axes.unicode_minus": False,
                                  "font.size": 10, "text.color": INK, "axes.labelcolor": INK})


def question_chart_png(stats: QuestionStats, *, title: str | None = None) -> bytes:
    """One question's distribution: a bar per option, labelled with percent and count."""
    question, current = stats.question, stats.current
    labels = [option.label for option in question.options]
    values = [float(current.percent[o.code] or 0) for o in question.options]
    with _rc():
        figure = _figure(6.4, 3.4)
        axes = figure.subplots()
        bars = axes.bar(labels, values, color=_colors(len(labels)))
        for bar, option in zip(bars, question.options):
            share = current.percent[option.code]
            text = "—" if share is None else f"{share}%（{current.counts[option.code]}）"
            axes.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                          ha="center", va="bottom", xytext=(0, 2), textcoords="offset points")
        axes.set_ylim(0, 110)
        axes.set_ylabel("百分比（%）")
        axes.set_title(title or f"{question.label}（n={current.n}）")
        axes.spines[["top", "right"]].set_visible(False)
        return _png(figure)


def group_chart_png(title: str, items: list[QuestionStats]) -> bytes:
    """A group's questions as 100% stacked horizontal bars, one per question, top to bottom."""
    dark = {"#08519c", "#a63603", "#238b45", "#969696"}
    with _rc():
        figure = _figure(7.6, 1.3 + 0.55 * max(len(items), 1))
        axes = figure.subplots()
        legend: dict[str, object] = {}
        for index, stats in enumerate(items):
            row = len(items) - 1 - index
            question, current = stats.question, stats.current
            left = 0.0
            for option, color in zip(question.options, _colors(len(question.options))):
                width = float(current.percent[option.code] or 0)
                bar = axes.barh(row, width, left=left, color=color, height=0.6)
                legend.setdefault(option.label, bar)
                if width >= 8:
                    axes.text(left + width / 2, row, f"{current.percent[option.code]}",
                              ha="center", va="center", fontsize=8,
                              color="white" if color in dark else INK)
                left += width
            if current.n == 0:
                axes.text(1, row, "本期無填答", va="center")
        axes.set_yticks(range(len(items)),
                        [f"{s.question.label}（n={s.current.n}）" for s in reversed(items)])
        axes.set_xlim(0, 100)
        axes.set_xlabel("百分比（%）")
        axes.set_title(title)
        axes.spines[["top", "right"]].set_visible(False)
        figure.legend(legend.values(), legend.keys(), loc="outside lower center", ncol=5,
                      frameon=False, fontsize=8)
        return _png(figure)

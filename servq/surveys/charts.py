"""The results page's charts: questionnaire statistics handed to the project's one chart
module (servq/reports/charts.py), at screen size. Charts never query the database: they take
the statistics already computed."""

from servq.reports import charts

from .statistics import QuestionStats

SCREEN = {"dpi": 110, "width_cm": 16.3}


def question_chart_png(stats: QuestionStats, *, title: str | None = None) -> bytes:
    """One question's distribution: a bar per option, labelled with percent and count."""
    question, current = stats.question, stats.current
    labels = []
    for option in question.options:
        share = current.percent[option.code]
        labels.append("—" if share is None else f"{share}%（{current.counts[option.code]}）")
    return charts.bar_chart(
        [option.label for option in question.options],
        [current.percent[option.code] for option in question.options],
        bar_labels=labels, colours=charts.scale_colours(len(question.options)),
        title=title or f"{question.label}（n={current.n}）", height_cm=8.6, **SCREEN).png


def group_chart_png(title: str, items: list[QuestionStats]) -> bytes:
    """A group's questions as 100% stacked horizontal bars, one per question, top to bottom."""
    rows = [(f"{s.question.label}（n={s.current.n}）",
             [(option.label, s.current.percent[option.code]) for option in s.question.options])
            for s in items]
    return charts.stacked_bar_chart(rows, title=title, **SCREEN).png

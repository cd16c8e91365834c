"""The results tables, shared by the staff page and its downloads."""

from dataclasses import dataclass

from servq.core.roc_dates import roc_period

from servq.core.spreadsheets import Sheet
from .statistics import SurveyStatistics


@dataclass(frozen=True)
class OptionColumn:
    code: str
    label: str  # every label this code has on the scales present: 非常滿意／非常有幫助


def option_columns(stats: SurveyStatistics) -> list[OptionColumn]:
    """One column per option code, in the order the questions first use them."""
    labels: dict[str, list[str]] = {}
    for question in stats.structure.choice_questions:
        for option in question.options:
            names = labels.setdefault(option.code, [])
            if option.label not in names:
                names.append(option.label)
    return [OptionColumn(code, "／".join(names)) for code, names in labels.items()]


def questions_sheet(stats: SurveyStatistics, *, agency_name: str) -> Sheet:
    columns = option_columns(stats)
    header = ["題組", "題號", "題目", "有效樣本數"]
    for column in columns:
        header += [f"{column.label}（人）", f"{column.label}（%）"]
    header += ["前兩項合計（%）", "上期前兩項合計（%）", "增減（百分點）"]
    sheet = Sheet(f"{agency_name}{roc_period(stats.period, prefix=False)}", header)
    for group, items in stats.group_stats():
        for item in items:
            current = item.current
            row = [group.title, item.question.code, item.question.text, current.n]
            for column in columns:
                present = column.code in current.counts
                row += [current.counts[column.code] if present else None,
                        current.percent[column.code] if present else None]
            row += [current.top2_percent, item.previous.top2_percent, item.change_points]
            sheet.rows.append(row)
    return sheet


def ranking_sheet(stats: SurveyStatistics) -> Sheet:
    sheet = Sheet("排名", ["類別", "名次", "前兩項合計（%）", "題組", "題號", "項目"])
    for kind, tiers in (("整體", stats.ranking_overall), ("細項", stats.ranking)):
        for tier in tiers:
            for item in tier.items:
                sheet.rows.append([kind, tier.rank, tier.top2_percent, item.question.group_title,
                                   item.question.code, item.question.label])
    return sheet


def respondents_sheet(stats: SurveyStatistics) -> Sheet:
    from .models import Channel

    sheet = Sheet("填答份數", ["項目", "份數"])
    sheet.rows += [
        [f"本期（{roc_period(stats.period)}）", stats.respondents],
        [f"累計（{roc_period(stats.period.year_to_date())}）", stats.respondents_ytd],
        [f"上期（{roc_period(stats.period.previous())}）", stats.respondents_previous],
    ]
    sheet.rows += [[f"本期{label}", stats.respondents_by_channel.get(value, 0)]
                   for value, label in Channel.choices]
    return sheet


def results_sheets(stats: SurveyStatistics, *, agency_name: str) -> list[Sheet]:
    return [questions_sheet(stats, agency_name=agency_name), ranking_sheet(stats),
            respondents_sheet(stats)]

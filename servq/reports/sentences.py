"""Computed sentences: the judgements the seed's authors wrote by hand, from the figures.

- change: the change against the previous period (上升/下降/持平, in percentage points for
  percentages, in the figure's unit for counts).
- ranking: items ranked by a value with ties kept together (competition ranking: 1, 1, 3),
  the top or the lowest n, and a sentence naming them.
"""

import fnmatch
from dataclasses import dataclass
from decimal import Decimal

from servq.core.numbers import round_half_up

LABEL_KEYS = ("short", "label", "title", "name", "text")

PREVIOUS_NAME = {"quarter": "上季", "month": "上月", "half": "上半年", "year": "上年度"}


def previous_name(period_kind: str) -> str:
    return PREVIOUS_NAME.get(period_kind, "前期")


def _decimal(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def change_sentence(current, previous, *, points: bool, unit: str, period_kind: str,
                    places: int = 1) -> str:
    """較上季上升3.8個百分點 / 較上季下降1.2個百分點 / 與上季持平 / 上季無資料可資比較."""
    before = previous_name(period_kind)
    if current is None or previous is None:
        return f"{before}無資料可資比較"
    difference = _decimal(current) - _decimal(previous)
    if points:
        difference = round_half_up(difference, places)
    if difference == 0:
        return f"與{before}持平"
    if points:
        verb = "上升" if difference > 0 else "下降"
        return f"較{before}{verb}{abs(difference)}個百分點"
    verb = "增加" if difference > 0 else "減少"
    amount = abs(difference)
    amount_text = f"{int(amount):,}" if amount == amount.to_integral_value() else f"{amount}"
    return f"較{before}{verb}{amount_text}{unit}"


@dataclass(frozen=True)
class RankedItem:
    key: str
    label: str
    value: Decimal | int
    rank: int


def item_label(key: str, node, labels: dict[str, str] | None) -> str:
    if labels and key in labels:
        return labels[key]
    if isinstance(node, dict):
        for label_key in LABEL_KEYS:
            if isinstance(node.get(label_key), str) and node[label_key]:
                return node[label_key]
    return key


def select_keys(mapping: dict, *, items: dict[str, str] | None, include: str | None,
                exclude: str | None) -> list[str]:
    """Keys of a mapping to rank: those named in `items` (in that order) or all, filtered by
    shell patterns (`env_*`, `*_overall`; several separated by commas)."""
    keys = [key for key in items if key in mapping] if items else [str(key) for key in mapping]
    if include:
        patterns = [p.strip() for p in include.split(",") if p.strip()]
        keys = [k for k in keys if any(fnmatch.fnmatchcase(k, p) for p in patterns)]
    if exclude:
        patterns = [p.strip() for p in exclude.split(",") if p.strip()]
        keys = [k for k in keys if not any(fnmatch.fnmatchcase(k, p) for p in patterns)]
    return keys


def value_by(node, by: str | None):
    """The value an item is ranked by: the item itself, or a key (or dotted path) in it."""
    if not by:
        return node
    for part in by.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part, node.get(int(part)) if part.isdigit() else None)
    return node


def rank(mapping: dict, *, by: str | None, keys: list[str], labels: dict[str, str] | None,
         descending: bool = True) -> list[RankedItem]:
    """Items with a value, best first (or lowest first), with competition ranks."""
    valued = []
    for order, key in enumerate(keys):
        node = mapping.get(key)
        value = value_by(node, by)
        if value is None or isinstance(value, (dict, list, str, bool)):
            continue
        valued.append((order, key, node, value))
    valued.sort(key=lambda item: (-item[3] if descending else item[3], item[0]))
    ranked, previous_value, previous_rank = [], None, 0
    for position, (_, key, node, value) in enumerate(valued, start=1):
        current_rank = previous_rank if value == previous_value else position
        ranked.append(RankedItem(key, item_label(key, node, labels), value, current_rank))
        previous_value, previous_rank = value, current_rank
    return ranked


def take(ranked: list[RankedItem], n: int) -> list[RankedItem]:
    """The first n items, and every item tied with the n-th (ties are never split)."""
    if n <= 0 or not ranked:
        return []
    if n >= len(ranked):
        return list(ranked)
    cutoff = ranked[n - 1].rank
    return [item for item in ranked if item.rank <= cutoff]


def group_by_value(items: list[RankedItem]) -> list[list[RankedItem]]:
    groups: list[list[RankedItem]] = []
    for item in items:
        if groups and groups[-1][0].value == item.value:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _names(group: list[RankedItem]) -> str:
    quoted = [f"「{item.label}」" for item in group]
    return quoted[0] if len(quoted) == 1 else "、".join(quoted[:-1]) + "及" + quoted[-1]


def ranking_sentence(items: list[RankedItem], format_value) -> str:
    """「A」、「B」及「C」（均為100.0%），其次為「D」（96.2%），再次為「E」（92.3%）."""
    if not items:
        return "（無資料可排序）"
    parts = []
    for index, group in enumerate(group_by_value(items)):
        value = format_value(group[0].value)
        text = f"{_names(group)}（{'均為' if len(group) > 1 else ''}{value}）"
        parts.append(text if index == 0 else ("其次為" if index == 1 else "再次為") + text)
    return "，".join(parts)

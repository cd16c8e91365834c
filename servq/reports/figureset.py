"""The figures a report is composed from: this period's, the previous period's (for computed
changes) and, for a consolidated report, each branch's (for the comparison table).

`current` is exactly registry.collect(scope), so the JSON format stays that.
"""

from dataclasses import dataclass, field

from servq.core.models import Agency

from .registry import ReportScope, collect


class MissingFigure(LookupError):
    def __init__(self, path: tuple[str, ...], depth: int, available: list[str]):
        self.path, self.depth, self.available = path, depth, available
        known = ".".join(path[:depth]) or "（最上層）"
        hint = f"（可用：{'、'.join(available[:12])}{'…' if len(available) > 12 else ''}）" \
            if available else ""
        super().__init__(f"找不到數據「{'.'.join(path)}」：{known} 之下沒有「{path[depth]}」{hint}")


def resolve(tree, path: tuple[str, ...]):
    """The value at a path of keys (list items by index); MissingFigure names what is known."""
    node = tree
    for depth, segment in enumerate(path):
        if isinstance(node, dict):
            if segment in node:
                node = node[segment]
                continue
            if segment.isdigit() and int(segment) in node:
                node = node[int(segment)]
                continue
            raise MissingFigure(path, depth, [str(key) for key in node])
        if isinstance(node, list) and segment.isdigit() and int(segment) < len(node):
            node = node[int(segment)]
            continue
        raise MissingFigure(path, depth, [])
    return node


@dataclass
class FigureSet:
    current: dict
    previous: dict | None = None
    branches: list[dict] = field(default_factory=list)

    @property
    def period_kind(self) -> str:
        return self.current.get("period", {}).get("kind", "")

    def as_json_ready(self) -> dict:
        return {"current": self.current, "previous": self.previous, "branches": self.branches}

    @classmethod
    def from_stored(cls, stored: dict) -> "FigureSet":
        return cls(stored["current"], stored.get("previous"), stored.get("branches") or [])


def collect_figures(scope: ReportScope, *, previous: bool = True, branches: bool = True,
                    progress=None) -> FigureSet:
    """Every figure the report may use. progress(fraction, note) is told as parts finish."""
    report = progress or (lambda fraction, note: None)
    current = collect(scope)
    report(0.4, "本期數據")
    before = None
    if previous:
        before = collect(ReportScope.for_agency(scope.agency, scope.period.previous(),
                                                consolidated=scope.consolidated))
    report(0.7, "前期數據")
    per_branch = []
    if branches and scope.consolidated:
        children = list(Agency.objects.filter(parent=scope.agency).order_by("sort_order", "code"))
        for index, branch in enumerate(children, start=1):
            per_branch.append(collect(ReportScope.for_agency(branch, scope.period)))
            report(0.7 + 0.3 * index / len(children), f"分署數據 {index}/{len(children)}")
    return FigureSet(current, before, per_branch)

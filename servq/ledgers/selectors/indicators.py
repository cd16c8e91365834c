"""Monthly indicators as figures and as grids: sums of the monthly values in the database."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Prefetch, Q, Sum

from servq.core.periods import Period

from ..models import Indicator, IndicatorBaseline, IndicatorCategory, IndicatorValue
from ..windows import Span, Windows


def active_indicators() -> list[Indicator]:
    """Active indicators with their active categories (two queries)."""
    categories = IndicatorCategory.objects.filter(is_active=True).order_by("sort_order", "pk")
    return list(Indicator.objects.active().prefetch_related(
        Prefetch("categories", queryset=categories, to_attr="active_categories")))


def _running_totals(indicators: list[Indicator], agency_ids: Iterable[int], end: date
                    ) -> dict[int, tuple[int, date | None]]:
    """indicator id -> (total counted up to `end`, earliest counting start) for running totals.

    Per agency, the latest baseline through `end` plus the monthly values after it (all months
    up to `end` for an agency without a baseline): one query for baselines, one for the sums.
    """
    if not indicators:
        return {}
    agency_ids = list(agency_ids)
    ids = [indicator.pk for indicator in indicators]
    latest: dict[tuple[int, int], IndicatorBaseline] = {}
    for baseline in IndicatorBaseline.objects.filter(
            indicator_id__in=ids, agency_id__in=agency_ids, through__lte=end
    ).order_by("indicator_id", "agency_id", "-through"):
        latest.setdefault((baseline.indicator_id, baseline.agency_id), baseline)
    totals = {pk: 0 for pk in ids}
    since: dict[int, date | None] = {pk: None for pk in ids}
    after_baseline = Q()
    for (indicator_id, agency_id), baseline in latest.items():
        totals[indicator_id] += baseline.value
        if since[indicator_id] is None or baseline.counted_since < since[indicator_id]:
            since[indicator_id] = baseline.counted_since
        after_baseline |= Q(indicator_id=indicator_id, agency_id=agency_id,
                            month__gt=baseline.through)
    without_baseline = Q(indicator_id__in=ids, agency_id__in=agency_ids)
    for indicator_id, agency_id in latest:
        without_baseline &= ~Q(indicator_id=indicator_id, agency_id=agency_id)
    sums = (IndicatorValue.objects.filter(after_baseline | without_baseline, month__lte=end)
            .values("indicator_id").annotate(total=Sum("value")))
    for row in sums:
        totals[row["indicator_id"]] += row["total"]
    return {pk: (totals[pk], since[pk]) for pk in ids}


def _span_sum(cells: dict, span: Span) -> tuple[int, dict[str, int]]:
    total, by = 0, defaultdict(int)
    for (category, month), value in cells.items():
        if month in span:
            total += value
            if category is not None:
                by[category] += value
    return total, dict(by)


def indicator_figures(*, agency_ids: Iterable[int], windows: Windows) -> dict[str, dict]:
    """One figure per active indicator, keyed by its code; present with zeros when empty."""
    agency_ids = list(agency_ids)
    indicators = active_indicators()
    ytd = windows.year_to_date
    cells: dict[int, dict[tuple[str | None, date], int]] = defaultdict(dict)
    category_codes = {c.pk: c.code for i in indicators for c in i.active_categories}
    rows = (IndicatorValue.objects
            .filter(agency_id__in=agency_ids, month__range=ytd.as_range())
            .values("indicator_id", "category_id", "month").annotate(total=Sum("value")))
    for row in rows:
        category = category_codes.get(row["category_id"]) if row["category_id"] else None
        key = (category, row["month"])
        cells[row["indicator_id"]][key] = cells[row["indicator_id"]].get(key, 0) + row["total"]
    running = _running_totals([i for i in indicators if i.is_running_total], agency_ids,
                              windows.end)
    figures = {}
    for indicator in indicators:
        own = cells.get(indicator.pk, {})
        by_month = {f"{month:%Y-%m}": 0 for month in Period(ytd.start, ytd.end, "range").months()}
        for (_, month), value in own.items():
            by_month[f"{month:%Y-%m}"] += value
        figure = {
            "name": indicator.name,
            "unit": indicator.unit,
            "categories": {c.code: c.name for c in indicator.active_categories},
            "by_month": by_month,
        }
        spans = {"year": windows.year_to_date, "quarter": windows.quarter, "month": windows.month}
        sums = {}
        for name, span in spans.items():
            added, by = _span_sum(own, span)
            sums[name] = (added, {c.code: by.get(c.code, 0) for c in indicator.active_categories})
        if indicator.is_running_total:
            total, since = running[indicator.pk]
            figure.update(value=total, since=since, added=sums["year"][0], by=sums["year"][1])
            for name in ("quarter", "month"):
                figure[name] = {"value": total, "added": sums[name][0], "by": sums[name][1]}
        else:
            figure.update(value=sums["year"][0], by=sums["year"][1])
            for name in ("quarter", "month"):
                figure[name] = {"value": sums[name][0], "by": sums[name][1]}
        figures[indicator.code] = figure
    return figures


def indicator_grid(*, indicator: Indicator, agency,
                   year: int) -> dict[tuple[date, int | None], int]:
    """(month, category id or None) -> value for one agency's year."""
    rows = IndicatorValue.objects.filter(indicator=indicator, agency=agency,
                                         month__year=year).values_list("month", "category_id",
                                                                        "value")
    return {(month, category): value for month, category, value in rows}


def indicator_year_totals(*, agency, year: int) -> dict[int, int]:
    """indicator id -> the sum of its values in the year (for the indicators' index page)."""
    rows = (IndicatorValue.objects.filter(agency=agency, month__year=year)
            .values("indicator_id").annotate(total=Sum("value")))
    return {row["indicator_id"]: row["total"] for row in rows}


def month_to_date_tally(*, indicator: Indicator, agency, month: date) -> dict[int | None, int]:
    """category id -> this month's value, for the front desk's tally page."""
    rows = IndicatorValue.objects.filter(indicator=indicator, agency=agency, month=month)
    return dict(rows.values_list("category_id", "value"))

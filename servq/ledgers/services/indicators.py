"""Writing monthly indicator values: the grid, the front desk's tally, and file imports."""

import re
from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from servq.core.audit import audit_record
from servq.core.imports import import_batch_register
from servq.core.models import Agency, ImportBatch, Unit
from servq.core.tabular import ImportRejected, Problem, Table, check_columns

from ..models import Indicator, IndicatorBaseline, IndicatorCategory, IndicatorValue

IMPORT_KIND = "ledgers.indicators"
IMPORT_COLUMNS = ["indicator", "month", "value"]
IMPORT_OPTIONAL = ["category"]
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_COUNT = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)$")

# (indicator id, first day of the month, category id or None)
CellKey = tuple[int, date, int | None]


class TallyRefused(Exception):
    pass


def month_start(day: date) -> date:
    return day.replace(day=1)


def _apply(agency: Agency, entries: dict[CellKey, int | None], actor) -> int:
    """Set (or, for None, clear) each cell; returns how many cells changed."""
    if not entries:
        return 0
    indicator_ids = {key[0] for key in entries}
    months = {key[1] for key in entries}
    existing = {
        (row.indicator_id, row.month, row.category_id): row
        for row in IndicatorValue.objects.select_for_update().filter(
            agency=agency, indicator_id__in=indicator_ids, month__in=months)
    }
    now = timezone.now()
    create, update, delete = [], [], []
    for (indicator_id, month, category_id), value in entries.items():
        row = existing.get((indicator_id, month, category_id))
        if value is None:
            if row is not None:
                delete.append(row.pk)
        elif row is None:
            create.append(IndicatorValue(indicator_id=indicator_id, agency=agency, month=month,
                                         category_id=category_id, value=value, updated_by=actor))
        elif row.value != value:
            row.value, row.updated_by, row.updated_at = value, actor, now
            update.append(row)
    IndicatorValue.objects.filter(pk__in=delete).delete()
    IndicatorValue.objects.bulk_create(create, batch_size=500)
    IndicatorValue.objects.bulk_update(update, ["value", "updated_by", "updated_at"],
                                       batch_size=500)
    return len(create) + len(update) + len(delete)


@transaction.atomic
def indicator_values_save(*, indicator: Indicator, agency: Agency,
                          values: dict[tuple[date, int | None], int | None], actor=None,
                          request=None) -> int:
    """Save a grid: {(month, category id or None): value or None (clear)}. Returns changes."""
    valid_categories = set(indicator.categories.values_list("pk", flat=True))
    entries: dict[CellKey, int | None] = {}
    for (month, category_id), value in values.items():
        if category_id is not None and category_id not in valid_categories:
            raise ValueError(f"category {category_id} is not one of {indicator.code}'s")
        if value is not None and value < 0:
            raise ValueError("indicator values are never negative")
        entries[(indicator.pk, month_start(month), category_id)] = value
    changed = _apply(agency, entries, actor)
    if changed:
        audit_record(action="ledgers.indicator.save", request=request, actor=actor,
                     agency=agency, target=indicator, detail={"cells_changed": changed})
    return changed


@transaction.atomic
def indicator_tally(*, indicator: Indicator, agency: Agency, category: IndicatorCategory | None,
                    on: date, delta: int = 1, actor=None) -> int:
    """Add `delta` (+1 a click, -1 an undo) to the month's cell; returns the new value."""
    if not indicator.allows_tally:
        raise TallyRefused(f"「{indicator.name}」不開放服務台計數。")
    if category is not None and category.indicator_id != indicator.pk:
        raise TallyRefused("分類不屬於此統計項目。")
    if category is None and indicator.categories.filter(is_active=True).exists():
        # a cell without a category would count in no column of the grid
        raise TallyRefused(f"「{indicator.name}」依分類計數，請選擇分類。")
    if category is not None and not category.is_active:
        raise TallyRefused(f"分類「{category.name}」已停用。")
    row, _ = IndicatorValue.objects.select_for_update().get_or_create(
        indicator=indicator, agency=agency, month=month_start(on), category=category,
        defaults={"value": 0, "updated_by": actor})
    if row.value + delta < 0:
        raise TallyRefused("本月此分類的計數已是 0，無法再減。")
    IndicatorValue.objects.filter(pk=row.pk).update(value=F("value") + delta, updated_by=actor,
                                                    updated_at=timezone.now())
    return row.value + delta


@transaction.atomic
def indicator_baseline_save(*, indicator: Indicator, agency: Agency, counted_since: date,
                            through: date, value: int, actor=None, request=None
                            ) -> IndicatorBaseline:
    baseline, _ = IndicatorBaseline.objects.update_or_create(
        indicator=indicator, agency=agency, through=through,
        defaults=dict(counted_since=counted_since, value=value))
    audit_record(action="ledgers.indicator.baseline", request=request, actor=actor, agency=agency,
                 target=indicator, detail={"through": through.isoformat(), "value": value})
    return baseline


def _parse_month(text: str) -> date:
    match = _MONTH.match(text)
    if not match:
        raise ValueError
    return date(int(match[1]), int(match[2]), int(match[3] or 1)).replace(day=1)


@transaction.atomic
def indicator_import(*, agency: Agency, table: Table, file_name: str, actor=None,
                     may_edit: Callable[[str], bool] = lambda office: True) -> int:
    """Set monthly values from a file (indicator, month, category, value); all or nothing.

    `may_edit(office)` says whether the importing user may edit an office's indicators.
    Returns the number of rows imported.
    """
    problems = check_columns(table, required=IMPORT_COLUMNS, optional=IMPORT_OPTIONAL)
    if problems:
        raise ImportRejected(problems)
    batch = import_batch_register(agency=agency, kind=IMPORT_KIND, table=table,
                                  file_name=file_name, rows=0, actor=actor)
    offices = dict(Unit.Function.choices)
    indicators = {i.code: i for i in Indicator.objects.prefetch_related("categories")}
    at = {name: table.index(name) for name in IMPORT_COLUMNS + IMPORT_OPTIONAL}
    entries: dict[CellKey, int] = {}
    first_line: dict[CellKey, int] = {}
    rows = 0
    for line, cells in table.rows():
        rows += 1
        code, month_text, value_text = (cells[at[name]] for name in IMPORT_COLUMNS)
        category_code = cells[at["category"]] if at["category"] is not None else ""
        indicator = indicators.get(code)
        if indicator is None:
            problems.append(Problem(line, "indicator", code, "沒有這個統計項目代碼"))
            continue
        if not indicator.is_active:
            problems.append(Problem(line, "indicator", code, "此統計項目已停用"))
            continue
        if not may_edit(indicator.office):
            problems.append(Problem(line, "indicator", code,
                                    f"此項目由{offices[indicator.office]}登錄，您沒有權限"))
            continue
        try:
            month = _parse_month(month_text)
        except ValueError:
            problems.append(Problem(line, "month", month_text,
                                    "月份格式應為 YYYY-MM（例如 2015-06）"))
            continue
        categories = {c.code: c for c in indicator.categories.all() if c.is_active}
        category_id = None
        if categories:
            category = categories.get(category_code)
            if category is None:
                what = "此項目必須填分類" if not category_code else "不認得的分類"
                problems.append(Problem(line, "category", category_code,
                                        f"{what}；可用的分類為：{'、'.join(categories)}"))
                continue
            category_id = category.pk
        elif category_code:
            problems.append(Problem(line, "category", category_code, "此項目沒有分類，請留空"))
            continue
        if not _COUNT.match(value_text):
            problems.append(Problem(line, "value", value_text, "應為 0 以上的整數"))
            continue
        key = (indicator.pk, month, category_id)
        if key in entries:
            problems.append(Problem(line, "month", month_text,
                                    f"與第 {first_line[key]} 列重複（同一項目、月份與分類）"))
            continue
        entries[key], first_line[key] = int(value_text.replace(",", "")), line
    if rows == 0:
        problems.append(Problem(None, None, None, "檔案沒有任何資料列"))
    if problems:
        raise ImportRejected(problems)
    _apply(agency, entries, actor)
    ImportBatch.objects.filter(pk=batch.pk).update(rows=rows)
    audit_record(action="ledgers.indicator.import", actor=actor, agency=agency,
                 detail={"file": file_name, "rows": rows})
    return rows

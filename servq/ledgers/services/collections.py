"""Small-amount collections: file imports (fast paths for a million rows) and corrections.

Every write adjusts CollectionTally (agency × month × category × channel) in the same
transaction, so the figures never have to recount the records.
"""

import io
from collections import defaultdict
from datetime import date

from django.db import connection, transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import TruncMonth

from servq.core.audit import audit_record
from servq.core.imports import import_batch_register
from servq.core.models import Agency, ImportBatch
from servq.core.tabular import ImportRejected, Problem, Table, check_columns, parse_iso_date

from ..models import Collection, CollectionTally
from ..models.collections import SMALL_PAYMENT_LIMIT_NTD, Category, Channel

IMPORT_KIND = "ledgers.collections"
REQUIRED = ["paid_on", "channel", "category", "case_number", "amount"]
OPTIONAL = ["chain"]
MAX_PROBLEMS = 1000
CHUNK = 20_000
CASE_NUMBER_MAX, CHAIN_MAX = 40, 20
_CONTROL = {chr(code) for code in range(32)} | {"\x7f"}

TallyKey = tuple[date, str, str]  # month, category, channel


def _tally_add(agency: Agency, deltas: dict[TallyKey, list[int]]) -> None:
    """Add (cases, amount) per cell, negative to subtract; cells left empty are removed."""
    if not deltas:
        return
    months = {key[0] for key in deltas}
    existing = {(row.month, row.category, row.channel): row for row in
                CollectionTally.objects.select_for_update().filter(agency=agency,
                                                                   month__in=months)}
    create = []
    for key, (cases, amount) in deltas.items():
        row = existing.get(key)
        if row is None:
            if cases < 0 or amount < 0:
                raise ValueError(f"collection tally {key} would go negative")
            create.append(CollectionTally(agency=agency, month=key[0], category=key[1],
                                          channel=key[2], cases=cases, amount=amount))
        elif row.cases + cases == 0:
            row.delete()
        else:
            CollectionTally.objects.filter(pk=row.pk).update(cases=F("cases") + cases,
                                                             amount=F("amount") + amount)
    CollectionTally.objects.bulk_create(create)


class _RowChecker:
    """Validates one row at a time; remembers parsed dates (a file has a few hundred)."""

    channels = set(Channel.values)
    categories = set(Category.values)

    def __init__(self):
        self.days: dict[str, date] = {}

    def check(self, line: int, paid_on: str, channel: str, chain: str, category: str,
              case_number: str, amount: str) -> tuple[date, int] | Problem:
        day = self.days.get(paid_on)
        if day is None:
            if not paid_on:
                return Problem(line, "paid_on", None, "必填")
            try:
                day = self.days[paid_on] = parse_iso_date(paid_on)
            except ValueError as error:
                return Problem(line, "paid_on", paid_on, str(error))
        if channel not in self.channels:
            return Problem(line, "channel", channel,
                           f"代收管道應為 {'、'.join(Channel.values)} 其中之一")
        if category not in self.categories:
            return Problem(line, "category", category,
                           f"不認得的案款類別；可用的類別為：{'、'.join(Category.values)}")
        if not case_number:
            return Problem(line, "case_number", None, "必填")
        if len(case_number) > CASE_NUMBER_MAX or not _CONTROL.isdisjoint(case_number):
            return Problem(line, "case_number", case_number,
                           f"案號最多 {CASE_NUMBER_MAX} 字，且不可含控制字元")
        if len(chain) > CHAIN_MAX or not _CONTROL.isdisjoint(chain):
            return Problem(line, "chain", chain, f"最多 {CHAIN_MAX} 字，且不可含控制字元")
        if not amount.isdigit():
            return Problem(line, "amount", amount, "金額應為整數元（不含逗號、小數點）")
        value = int(amount)
        if value == 0:
            return Problem(line, "amount", amount, "金額必須大於 0")
        if value >= SMALL_PAYMENT_LIMIT_NTD:
            return Problem(line, "amount", amount,
                           f"金額達新臺幣 {SMALL_PAYMENT_LIMIT_NTD:,} 元以上，不屬小額代收案款，不予匯入")
        return day, value


def _copy_escape(text: str) -> str:
    return text.replace("\\", "\\\\") if "\\" in text else text


class _PostgresWriter:
    """COPY ... FROM STDIN in text format, flushed in chunks."""

    def __init__(self, cursor, agency_id: int, batch_id: int):
        table = Collection._meta.db_table
        self._copy_cm = cursor.cursor.copy(
            f"COPY {table} (agency_id, batch_id, paid_on, channel, chain, category, "
            "case_number, amount) FROM STDIN")
        self._copy = self._copy_cm.__enter__()
        self._prefix = f"{agency_id}\t{batch_id}\t"
        self._buffer, self._pending = io.StringIO(), 0

    def add(self, paid_on, channel, chain, category, case_number, amount):
        self._buffer.write(f"{self._prefix}{paid_on}\t{channel}\t{_copy_escape(chain)}\t"
                           f"{category}\t{_copy_escape(case_number)}\t{amount}\n")
        self._pending += 1
        if self._pending >= CHUNK:
            self._flush()

    def _flush(self):
        self._copy.write(self._buffer.getvalue())
        self._buffer, self._pending = io.StringIO(), 0

    def close(self, failed: bool):
        if not failed and self._pending:
            self._flush()
        error = RuntimeError("import rejected") if failed else None
        if failed:
            try:
                self._copy_cm.__exit__(RuntimeError, error, None)
            except RuntimeError:
                pass
        else:
            self._copy_cm.__exit__(None, None, None)


class _InsertWriter:
    """executemany in chunks (SQLite and other databases)."""

    def __init__(self, cursor, agency_id: int, batch_id: int):
        table = Collection._meta.db_table
        self._cursor = cursor
        self._sql = (f"INSERT INTO {table} (agency_id, batch_id, paid_on, channel, chain, "
                     "category, case_number, amount) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)")
        self._ids = (agency_id, batch_id)
        self._rows = []

    def add(self, paid_on, channel, chain, category, case_number, amount):
        self._rows.append((*self._ids, paid_on, channel, chain, category, case_number, amount))
        if len(self._rows) >= CHUNK:
            self._flush()

    def _flush(self):
        self._cursor.executemany(self._sql, self._rows)
        self._rows = []

    def close(self, failed: bool):
        if not failed and self._rows:
            self._flush()


@transaction.atomic
def collection_import(*, agency: Agency, table: Table, file_name: str, actor=None) -> int:
    """Import collection records (paid_on, channel, chain, category, case_number, amount).

    All or nothing: the rows are written while they are checked, and the first problem
    stops the writing; every row is still checked, and the transaction is rolled back with
    the list of problems. Returns the number of records imported.
    """
    problems = check_columns(table, required=REQUIRED, optional=OPTIONAL)
    if problems:
        raise ImportRejected(problems)
    batch = import_batch_register(agency=agency, kind=IMPORT_KIND, table=table,
                                  file_name=file_name, rows=0, actor=actor)
    at = [table.index(name) for name in REQUIRED]
    chain_at = table.index("chain")
    checker = _RowChecker()
    tally: dict[TallyKey, list[int]] = defaultdict(lambda: [0, 0])
    rows = 0
    with connection.cursor() as cursor:
        writer_class = _PostgresWriter if connection.vendor == "postgresql" else _InsertWriter
        writer = writer_class(cursor, agency.pk, batch.pk)
        try:
            for line, cells in table.rows():
                rows += 1
                paid_on, channel, category, case_number, amount = (cells[i] for i in at)
                chain = cells[chain_at] if chain_at is not None else ""
                checked = checker.check(line, paid_on, channel, chain, category, case_number,
                                        amount)
                if isinstance(checked, Problem):
                    problems.append(checked)
                    if len(problems) >= MAX_PROBLEMS:
                        problems.append(Problem(None, None, None,
                                                f"問題過多，檢查到第 {line} 列為止"))
                        break
                    continue
                if problems:
                    continue  # nothing more is written once the file is known to be refused
                day, value = checked
                cell = tally[(day.replace(day=1), category, channel)]
                cell[0] += 1
                cell[1] += value
                writer.add(paid_on, channel, chain, category, case_number, value)
        except BaseException:
            writer.close(failed=True)
            raise
        writer.close(failed=bool(problems))
    if rows == 0:
        problems.append(Problem(None, None, None, "檔案沒有任何資料列"))
    if problems:
        raise ImportRejected(problems)
    _tally_add(agency, tally)
    ImportBatch.objects.filter(pk=batch.pk).update(rows=rows)
    audit_record(action="ledgers.collections.import", actor=actor, agency=agency, target=batch,
                 detail={"file": file_name, "rows": rows})
    return rows


def _key(record: Collection) -> TallyKey:
    return record.paid_on.replace(day=1), record.category, record.channel


@transaction.atomic
def collection_save(*, agency: Agency, instance: Collection, data: dict, actor=None,
                    request=None) -> Collection:
    """Enter or correct one record by hand; its tally cells move with it."""
    deltas: dict[TallyKey, list[int]] = defaultdict(lambda: [0, 0])
    if instance.pk:
        old = Collection.objects.select_for_update().get(pk=instance.pk, agency=agency)
        deltas[_key(old)][0] -= 1
        deltas[_key(old)][1] -= old.amount
    for name, value in data.items():
        setattr(instance, name, value)
    if not 0 < instance.amount < SMALL_PAYMENT_LIMIT_NTD:
        raise ValueError("amount outside the small-payment range")
    instance.agency = agency
    created = instance.pk is None
    instance.save()
    deltas[_key(instance)][0] += 1
    deltas[_key(instance)][1] += instance.amount
    _tally_add(agency, {key: value for key, value in deltas.items() if value != [0, 0]})
    audit_record(action=f"ledgers.collections.{'create' if created else 'update'}",
                 request=request, actor=actor, agency=agency, target=instance)
    return instance


@transaction.atomic
def collection_delete(*, agency: Agency, instance: Collection, actor=None, request=None) -> None:
    record = Collection.objects.select_for_update().get(pk=instance.pk, agency=agency)
    _tally_add(agency, {_key(record): [-1, -record.amount]})
    audit_record(action="ledgers.collections.delete", request=request, actor=actor,
                 agency=agency, target=record, detail={"amount": record.amount})
    record.delete()


@transaction.atomic
def collection_batch_delete(*, agency: Agency, batch: ImportBatch, actor=None,
                            request=None) -> int:
    """Undo an import: its records go, the tally is reduced, the file may be imported again."""
    if batch.agency_id != agency.pk or batch.kind != IMPORT_KIND:
        raise ValueError("not a collections batch of this agency")
    records = Collection.objects.filter(batch=batch)
    sums = (records.annotate(month=TruncMonth("paid_on")).values("month", "category", "channel")
            .annotate(cases=Count("pk"), amount=Sum("amount")))
    _tally_add(agency, {(row["month"], row["category"], row["channel"]):
                        [-row["cases"], -row["amount"]] for row in sums})
    deleted, _ = records.delete()
    audit_record(action="ledgers.collections.batch_delete", request=request, actor=actor,
                 agency=agency, target=batch, detail={"file": batch.file_name, "rows": deleted})
    batch.delete()
    return deleted

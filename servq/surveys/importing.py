"""Import of questionnaire responses from CSV (as Excel writes it) or XLSX, all or nothing.

Columns: submitted_on (YYYY-MM-DD), channel (paper|kiosk|web), optional serial, one column per
choice question code (the option code, e.g. 1-5 or yes/no; empty = skipped) and optionally one
per free-text question. Rows are validated and written in chunks inside one transaction: the
first problem stops the writing, validation goes on to report every problem, and the
transaction is rolled back. The tallies are updated from counts made while parsing.

Speed: on PostgreSQL the rows go in with COPY (psycopg 3), on SQLite with executemany; ids
are reserved up front so answers can be written without reading the responses back.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from servq.core.audit import audit_record
from servq.core.imports import import_batch_register
from servq.core.models import Agency, ImportBatch
from servq.core.roc_dates import roc_date_short
from servq.core.tabular import ImportRejected, Problem, Table, check_columns, parse_iso_date

from .models import Answer, Channel, Response, TextAnswer
from .services import check_applies
from .structure import Structure
from .tally import month_of, tally_add

KIND = "survey_responses"
BASE_COLUMNS = ["submitted_on", "channel"]
MAX_PROBLEMS = 1000
CHANNELS = "、".join(f"{value}（{label}）" for value, label in Channel.choices)


@dataclass(frozen=True)
class ImportResult:
    batch: ImportBatch
    responses: int
    answers: int


@dataclass
class _Row:
    day: date
    channel: str
    serial: str | None
    options: list[str | None]  # aligned with the structure's choice questions
    texts: list[tuple[int, str]]  # (question id, text)


class _RowReader:
    """Turns a row's cells into a _Row, recording every problem with its row, column and value."""

    def __init__(self, table: Table, structure: Structure, agency: Agency, today: date):
        self.structure = structure
        self.agency = agency
        self.today = today
        self.problems: list[Problem] = []
        self.choice = structure.choice_questions
        self.at_day, self.at_channel, self.at_serial = (
            table.index(name) for name in ("submitted_on", "channel", "serial"))
        self.at_choice = [table.index(q.code) for q in self.choice]
        self.at_text = [(q.id, table.index(q.code)) for q in structure.text_questions
                        if table.index(q.code) is not None]
        self.accepted = [{code: code for code in q.option_codes}
                         | {code.upper(): code for code in q.option_codes} for q in self.choice]
        self.allowed = [f"應為 {'、'.join(q.option_codes)} 或空白（未答）" for q in self.choice]
        self.serial_lines: dict[str, int] = {}
        self.unchecked_serials: dict[str, int] = {}  # serial -> line, to look up in the database
        self._days: dict[str, date | str] = {}

    @property
    def full(self) -> bool:
        return len(self.problems) >= MAX_PROBLEMS

    def problem(self, line, column, value, message) -> None:
        self.problems.append(Problem(line, column, value, message))

    def read(self, line: int, cells: list[str]) -> "_Row | None":
        """The row's values, or None if it has a problem (recorded)."""
        known = len(self.problems)
        day = self._day(line, cells[self.at_day])
        channel = cells[self.at_channel].lower()
        if channel not in Channel.values:
            self.problem(line, "channel", cells[self.at_channel], f"應為 {CHANNELS}")
        serial = self._serial(line, cells)
        options: list[str | None] = []
        for position, index in enumerate(self.at_choice):
            cell = cells[index]
            option = None
            if cell:
                option = self.accepted[position].get(cell) or self.accepted[position].get(
                    cell.upper())
                if option is None:
                    self.problem(line, self.choice[position].code, cell, self.allowed[position])
            options.append(option)
        texts = [(qid, cells[index]) for qid, index in self.at_text if cells[index]]
        if not any(cells[index] for index in self.at_choice) and not texts:
            self.problem(line, None, None, "整列沒有任何答案")
        if len(self.problems) > known:
            return None
        return _Row(day, channel, serial, options, texts)

    def _serial(self, line: int, cells: list[str]) -> str | None:
        serial = cells[self.at_serial] if self.at_serial is not None else ""
        if not serial:
            return None
        if serial in self.serial_lines:
            self.problem(line, "serial", serial, f"與第 {self.serial_lines[serial]} 列的問卷編號重複")
        else:
            self.serial_lines[serial] = self.unchecked_serials[serial] = line
        return serial

    def _day(self, line: int, text: str) -> date | None:
        found = self._days.get(text)
        if found is None:
            found = self._days[text] = self._parse_day(text)
        if isinstance(found, str):
            self.problem(line, "submitted_on", text, found)
            return None
        return found

    def _parse_day(self, text: str) -> date | str:
        try:
            day = parse_iso_date(text)
        except ValueError as error:
            return str(error) if text else "缺少填答日期（YYYY-MM-DD）"
        if day > self.today:
            return "填答日期不可晚於今天"
        try:
            check_applies(structure=self.structure, agency=self.agency, day=day)
        except ValidationError as error:  # outside the version's dates
            return "；".join(error.messages)
        return day


def _write_rows_postgres(rows: list[_Row], *, head: tuple, question_ids: list[int]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                       "FROM generate_series(1, %s)", [Response._meta.db_table, len(rows)])
        ids = [row[0] for row in cursor.fetchall()]
        raw = cursor.cursor
        with raw.copy(f"COPY {Response._meta.db_table} (id, agency_id, questionnaire_id, "
                      "batch_id, created_at, submitted_on, channel, serial) FROM STDIN") as copy:
            for response_id, row in zip(ids, rows):
                copy.write_row((response_id, *head, row.day, row.channel, row.serial))
        prefixes = [f"{qid}\t" for qid in question_ids]
        with raw.copy(f"COPY {Answer._meta.db_table} (response_id, question_id, option) "
                      "FROM STDIN") as copy:
            lines = []
            for response_id, row in zip(ids, rows):
                start = f"{response_id}\t"
                for prefix, option in zip(prefixes, row.options):
                    if option is not None:
                        lines.append(f"{start}{prefix}{option}\n")
            copy.write("".join(lines))
    return ids


class _SqliteIds:
    def __init__(self):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT max(id) FROM {Response._meta.db_table}")
            highest = cursor.fetchone()[0] or 0
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s",
                           [Response._meta.db_table])
            used = cursor.fetchone()
        self.next = max(highest, used[0] if used else 0) + 1

    def take(self, n: int) -> list[int]:
        ids = list(range(self.next, self.next + n))
        self.next += n
        return ids


def _write_rows_sqlite(rows: list[_Row], *, head: tuple, question_ids: list[int],
                       ids_source: _SqliteIds) -> list[int]:
    ids = ids_source.take(len(rows))
    adapt = connection.ops.adapt_datefield_value
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {Response._meta.db_table} (id, agency_id, questionnaire_id, batch_id, "
            "created_at, submitted_on, channel, serial) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            [(response_id, *head, adapt(row.day), row.channel, row.serial)
             for response_id, row in zip(ids, rows)],
        )
        cursor.executemany(
            f"INSERT INTO {Answer._meta.db_table} (response_id, question_id, option) "
            "VALUES (%s, %s, %s)",
            [(response_id, qid, option)
             for response_id, row in zip(ids, rows)
             for qid, option in zip(question_ids, row.options) if option is not None],
        )
    return ids


class _Writer:
    """Writes valid rows in chunks (while no problem has been found) and counts them."""

    def __init__(self, reader: _RowReader, *, agency, questionnaire, batch):
        self.reader = reader
        self.agency, self.questionnaire = agency, questionnaire
        self.question_ids = [q.id for q in reader.choice]
        self.head = (agency.pk, questionnaire.pk, batch.pk,
                     connection.ops.adapt_datetimefield_value(timezone.now()))
        self.postgres = connection.vendor == "postgresql"
        self.sqlite_ids = None if self.postgres else _SqliteIds()
        self.pending: list[_Row] = []
        self.texts: list[TextAnswer] = []
        self.answer_counts: Counter = Counter()  # (month, question id, option)
        self.respondent_counts: Counter = Counter()  # (month, channel)
        self.responses = self.answers = 0
        self.chunk_rows = settings.SERVQ_SURVEY_IMPORT_CHUNK_ROWS

    def add(self, row: _Row | None) -> None:
        if row is not None and not self.reader.problems:
            self.pending.append(row)
            month = month_of(row.day)
            self.respondent_counts[(month, row.channel)] += 1
            answered = [(month, qid, option) for qid, option in zip(self.question_ids, row.options)
                        if option is not None]
            self.answer_counts.update(answered)
            self.responses += 1
            self.answers += len(answered)
        if max(len(self.pending), len(self.reader.unchecked_serials)) >= self.chunk_rows:
            self.flush()

    def flush(self) -> None:
        _refuse_known_serials(self.reader, self.agency, self.questionnaire)
        if self.pending and not self.reader.problems:
            if self.postgres:
                ids = _write_rows_postgres(self.pending, head=self.head,
                                           question_ids=self.question_ids)
            else:
                ids = _write_rows_sqlite(self.pending, head=self.head,
                                         question_ids=self.question_ids, ids_source=self.sqlite_ids)
            for response_id, row in zip(ids, self.pending):
                self.texts.extend(TextAnswer(response_id=response_id, question_id=qid, text=text)
                                  for qid, text in row.texts)
        self.pending.clear()

    def finish(self) -> None:
        """Free texts and the tallies, from the counts made while reading."""
        TextAnswer.objects.bulk_create(self.texts, batch_size=1000)
        key = (self.agency.pk, self.questionnaire.pk)
        tally_add(
            answers={key + counted: n for counted, n in self.answer_counts.items()},
            respondents={key + counted: n for counted, n in self.respondent_counts.items()},
        )


@transaction.atomic
def survey_responses_import(*, table: Table, agency: Agency, structure: Structure,
                            file_name: str, actor=None, request=None) -> ImportResult:
    """Import every row of the table or none (ImportRejected lists each problem)."""
    questionnaire = structure.questionnaire
    problems = check_columns(
        table, required=BASE_COLUMNS + [q.code for q in structure.choice_questions],
        optional=["serial"] + [q.code for q in structure.text_questions])
    if problems:
        raise ImportRejected(problems)
    batch = import_batch_register(agency=agency, kind=KIND, table=table, file_name=file_name,
                                  rows=0, actor=actor)
    reader = _RowReader(table, structure, agency, timezone.localdate())
    writer = _Writer(reader, agency=agency, questionnaire=questionnaire, batch=batch)
    for line, cells in table.rows():
        writer.add(reader.read(line, cells))
        if reader.full:
            reader.problem(None, None, None, f"問題超過 {MAX_PROBLEMS} 項，已停止檢查其餘各列")
            break
    writer.flush()
    if not reader.problems and writer.responses == 0:
        reader.problem(None, None, None, "檔案沒有任何資料列")
    if reader.problems:  # in row order (serials known to the database were found per chunk)
        raise ImportRejected(sorted(reader.problems, key=lambda p: (p.row is None, p.row or 0)))

    writer.finish()
    batch.rows = writer.responses
    batch.save(update_fields=["rows"])
    audit_record(action="survey.import", actor=actor, request=request, agency=agency,
                 target=batch, detail={"file_name": file_name, "rows": batch.rows,
                                       "questionnaire": questionnaire.label})
    return ImportResult(batch, writer.responses, writer.answers)


def _refuse_known_serials(reader: _RowReader, agency, questionnaire) -> None:
    """Serials already in the database (those repeated within the file are caught earlier)."""
    lines = reader.unchecked_serials
    if lines:
        known = (Response.objects.filter(agency=agency, questionnaire=questionnaire,
                                         serial__in=list(lines))
                 .values_list("serial", "submitted_on", "pk"))
        for serial, day, pk in known:
            reader.problem(lines[serial], "serial", serial,
                           f"此問卷編號已於 {roc_date_short(day)} 登錄（第 {pk} 號紀錄），不可重複匯入")
    lines.clear()

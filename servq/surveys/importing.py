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
CHUNK_ROWS = 5000
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


class _Validator:
    """Turns cells into values, remembering every problem with its row, column and value."""

    def __init__(self, structure: Structure, agency: Agency, today: date):
        self.structure = structure
        self.agency = agency
        self.today = today
        self.problems: list[Problem] = []
        self._dates: dict[str, date | str] = {}
        self.accepted = [
            {code: code for code in q.option_codes} | {code.upper(): code for code in q.option_codes}
            for q in structure.choice_questions
        ]
        self.allowed_text = [f"應為 {'、'.join(q.option_codes)} 或空白（未答）"
                             for q in structure.choice_questions]

    @property
    def full(self) -> bool:
        return len(self.problems) >= MAX_PROBLEMS

    def problem(self, line, column, value, message) -> None:
        self.problems.append(Problem(line, column, value, message))

    def day(self, line: int, text: str) -> date | None:
        found = self._dates.get(text)
        if found is None:
            found = self._dates[text] = self._parse_day(text)
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
        except Exception as error:  # ValidationError: outside the version's dates
            return "；".join(getattr(error, "messages", [str(error)]))
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


@transaction.atomic
def survey_responses_import(*, table: Table, agency: Agency, structure: Structure,
                            file_name: str, actor=None, request=None) -> ImportResult:
    """Import every row of the table or none (ImportRejected lists each problem)."""
    questionnaire = structure.questionnaire
    choice = structure.choice_questions
    texts = structure.text_questions
    problems = check_columns(table, required=BASE_COLUMNS + [q.code for q in choice],
                             optional=["serial"] + [q.code for q in texts])
    if problems:
        raise ImportRejected(problems)
    batch = import_batch_register(agency=agency, kind=KIND, table=table, file_name=file_name,
                                  rows=0, actor=actor)

    at_day, at_channel, at_serial = (table.index(c) for c in ("submitted_on", "channel", "serial"))
    at_choice = [table.index(q.code) for q in choice]
    at_text = [(q.id, table.index(q.code)) for q in texts if table.index(q.code) is not None]
    question_ids = [q.id for q in choice]
    check = _Validator(structure, agency, timezone.localdate())
    head = (agency.pk, questionnaire.pk, batch.pk, connection.ops.adapt_datetimefield_value(
        timezone.now()))
    postgres = connection.vendor == "postgresql"
    ids_source = None if postgres else _SqliteIds()

    answer_counts: Counter = Counter()
    respondent_counts: Counter = Counter()
    serial_lines: dict[str, int] = {}
    pending: list[tuple[int, _Row]] = []
    serials_pending: dict[str, int] = {}  # serial -> line, to check against the database
    text_rows: list[TextAnswer] = []
    totals = {"responses": 0, "answers": 0}

    def flush() -> None:
        _refuse_known_serials(check, agency, questionnaire, serials_pending)
        serials_pending.clear()
        if pending and not check.problems:
            rows = [row for _, row in pending]
            if postgres:
                ids = _write_rows_postgres(rows, head=head, question_ids=question_ids)
            else:
                ids = _write_rows_sqlite(rows, head=head, question_ids=question_ids,
                                         ids_source=ids_source)
            for response_id, row in zip(ids, rows):
                text_rows.extend(TextAnswer(response_id=response_id, question_id=qid, text=text)
                                 for qid, text in row.texts)
        pending.clear()

    for line, cells in table.rows():
        day = check.day(line, cells[at_day])
        channel = cells[at_channel].lower()
        if channel not in Channel.values:
            check.problem(line, "channel", cells[at_channel], f"應為 {CHANNELS}")
        serial = cells[at_serial] if at_serial is not None and cells[at_serial] else None
        if serial is not None:
            if serial in serial_lines:
                check.problem(line, "serial", serial,
                              f"與第 {serial_lines[serial]} 列的問卷編號重複")
            else:
                serial_lines[serial] = serials_pending[serial] = line
        options: list[str | None] = []
        bad_cells = 0
        for position, index in enumerate(at_choice):
            cell = cells[index]
            if not cell:
                options.append(None)
                continue
            option = check.accepted[position].get(cell) or check.accepted[position].get(
                cell.upper())
            if option is None:
                check.problem(line, choice[position].code, cell, check.allowed_text[position])
                bad_cells += 1
            options.append(option)
        answered = len(options) - options.count(None)
        if answered == 0 and not bad_cells:
            check.problem(line, None, None, "整列沒有任何答案")
        if check.full:
            check.problem(None, None, None, f"問題超過 {MAX_PROBLEMS} 項，已停止檢查其餘各列")
            break
        if check.problems:
            if len(serials_pending) >= CHUNK_ROWS:
                flush()
            continue  # keep validating to report everything; nothing more is written
        row = _Row(day, channel, serial, options,
                   [(qid, cells[index]) for qid, index in at_text if cells[index]])
        pending.append((line, row))
        month = month_of(day)
        respondent_counts[(month, channel)] += 1
        answer_counts.update((month, qid, option)
                             for qid, option in zip(question_ids, options) if option is not None)
        totals["responses"] += 1
        totals["answers"] += answered
        if len(pending) >= CHUNK_ROWS or len(serials_pending) >= CHUNK_ROWS:
            flush()
    flush()
    if not check.problems and totals["responses"] == 0:
        check.problem(None, None, None, "檔案沒有任何資料列")
    if check.problems:  # in row order (serials known to the database were found per chunk)
        raise ImportRejected(sorted(check.problems, key=lambda p: (p.row is None, p.row or 0)))

    TextAnswer.objects.bulk_create(text_rows, batch_size=1000)
    key = (agency.pk, questionnaire.pk)
    tally_add(
        answers={key + (month, qid, option): n
                 for (month, qid, option), n in answer_counts.items()},
        respondents={key + (month, channel): n
                     for (month, channel), n in respondent_counts.items()},
    )
    batch.rows = totals["responses"]
    batch.save(update_fields=["rows"])
    audit_record(action="survey.import", actor=actor, request=request, agency=agency,
                 target=batch, detail={"file_name": file_name, "rows": batch.rows,
                                       "questionnaire": questionnaire.label})
    return ImportResult(batch, totals["responses"], totals["answers"])


def _refuse_known_serials(check: _Validator, agency, questionnaire,
                          lines: dict[str, int]) -> None:
    """Serials already in the database (serials repeated within the file are caught earlier)."""
    if not lines:
        return
    known = (Response.objects.filter(agency=agency, questionnaire=questionnaire,
                                     serial__in=list(lines))
             .values_list("serial", "submitted_on", "pk"))
    for serial, day, pk in known:
        check.problem(lines[serial], "serial", serial,
                      f"此問卷編號已於 {roc_date_short(day)} 登錄（第 {pk} 號紀錄），不可重複匯入")

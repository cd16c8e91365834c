"""Import of historical petitions (CSV or XLSX), all or nothing.

Columns: received_on, channel, category, subject (required); replied_on, due_on (may be
empty: the due date is then computed from the agency's rules). Channel and category are
given by code (opinion_mailbox, case) or by name (民意信箱, 執行案件). A petition with a reply
date is imported as replied and closed that day. There are no petitioner columns: an imported
ethics-mailbox or ethics-category report is marked a whistleblower report like any other.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from servq.core.imports import import_batch_register
from servq.core.models import Agency, ImportBatch
from servq.core.tabular import ImportRejected, Problem, Table, check_columns, parse_iso_date

from .deadlines import DeadlineCalculator
from .models import Category, Channel, Petition, PetitionEvent
from .numbering import format_number, reserve_serials
from .whistleblower import reporter_protected

REQUIRED = ["received_on", "channel", "category", "subject"]
OPTIONAL = ["replied_on", "due_on"]
KIND = "petitions"


@dataclass
class Row:
    line: int
    received_on: date
    channel: str
    category: Category
    subject: str
    replied_on: date | None
    due_on: date | None


def _lookup(choices: dict[str, object], value: str):
    return choices.get(value) or choices.get(value.lower())


class _Reader:
    def __init__(self, table: Table):
        self.table = table
        self.at = {name: table.index(name) for name in REQUIRED + OPTIONAL}
        self.channels = {code: code for code in Channel.values} | \
            {label: code for code, label in Channel.choices}
        categories = list(Category.objects.filter(is_active=True))
        self.categories = {c.code: c for c in categories} | {c.name: c for c in categories}
        self.problems: list[Problem] = []
        self.today = timezone.localdate()

    def cell(self, cells: list[str], name: str) -> str:
        index = self.at[name]
        return cells[index] if index is not None else ""

    def date(self, line: int, cells, name: str, *, required: bool) -> date | None:
        text = self.cell(cells, name)
        if not text:
            if required:
                self.problems.append(Problem(line, name, "", "必填"))
            return None
        try:
            value = parse_iso_date(text)
        except ValueError as error:
            self.problems.append(Problem(line, name, text, str(error)))
            return None
        if value > self.today:
            self.problems.append(Problem(line, name, text, "日期不能晚於今天"))
            return None
        return value

    def row(self, line: int, cells: list[str]) -> Row | None:
        before = len(self.problems)
        received_on = self.date(line, cells, "received_on", required=True)
        replied_on = self.date(line, cells, "replied_on", required=False)
        text = self.cell(cells, "due_on")
        due_on = None
        if text:
            try:
                due_on = parse_iso_date(text)
            except ValueError as error:
                self.problems.append(Problem(line, "due_on", text, str(error)))
        channel = _lookup(self.channels, self.cell(cells, "channel"))
        if channel is None:
            self.problems.append(Problem(line, "channel", self.cell(cells, "channel"),
                                         "不認得的管道；可用：" + "、".join(Channel.values)))
        category = _lookup(self.categories, self.cell(cells, "category"))
        if category is None:
            self.problems.append(Problem(line, "category", self.cell(cells, "category"),
                                         "不認得的類別；可用：" + "、".join(
                                             sorted(c for c in self.categories if c.isascii()))))
        subject = self.cell(cells, "subject")
        if not subject:
            self.problems.append(Problem(line, "subject", "", "必填"))
        elif len(subject) > 200:
            self.problems.append(Problem(line, "subject", subject[:20] + "…",
                                         "主旨最長 200 字"))
        if received_on and replied_on and replied_on < received_on:
            self.problems.append(Problem(line, "replied_on", self.cell(cells, "replied_on"),
                                         "回覆日不能早於收件日"))
        if received_on and due_on and due_on < received_on:
            self.problems.append(Problem(line, "due_on", text, "處理期限不能早於收件日"))
        if len(self.problems) > before:
            return None
        return Row(line, received_on, channel, category, subject, replied_on, due_on)


@transaction.atomic
def petitions_import(*, agency: Agency, table: Table, file_name: str, actor=None) -> ImportBatch:
    """Validate every row, then save them all, or raise ImportRejected and save nothing."""
    problems = check_columns(table, required=REQUIRED, optional=OPTIONAL)
    if problems:
        raise ImportRejected(problems)
    reader = _Reader(table)
    rows = [row for line, cells in table.rows() if (row := reader.row(line, cells))]
    if reader.problems:
        raise ImportRejected(reader.problems)
    if not rows:
        raise ImportRejected([Problem(None, None, file_name, "檔案沒有任何資料列")])
    batch = import_batch_register(agency=agency, kind=KIND, table=table, file_name=file_name,
                                  rows=len(rows), actor=actor)
    deadlines = DeadlineCalculator(agency, min(r.received_on for r in rows),
                                   max(r.received_on for r in rows))
    serials = {year: iter(reserve_serials(agency=agency, year=year, count=count))
               for year, count in sorted(Counter(r.received_on.year for r in rows).items())}
    petitions = []
    for row in rows:
        year, serial = row.received_on.year, next(serials[row.received_on.year])
        petitions.append(Petition(
            agency=agency, year=year, serial=serial, number=format_number(agency, year, serial),
            channel=row.channel, category=row.category, subject=row.subject,
            is_whistleblower_report=reporter_protected(channel=row.channel,
                                                       category=row.category, flagged=False),
            received_on=row.received_on,
            received_at=timezone.make_aware(datetime.combine(row.received_on, time(9, 0))),
            due_on=row.due_on or deadlines.due(row.category.pk, row.received_on),
            status=Petition.Status.CLOSED if row.replied_on else Petition.Status.RECEIVED,
            replied_on=row.replied_on, closed_on=row.replied_on, import_batch=batch,
            created_by=actor,
        ))
    Petition.objects.bulk_create(petitions, batch_size=1000)
    events = []
    for petition in petitions:
        events.append(PetitionEvent(petition=petition, kind=PetitionEvent.Kind.RECEIVED,
                                    happened_on=petition.received_on, actor=actor,
                                    summary=f"匯入（批次 #{batch.pk}）"))
        if petition.replied_on:
            events += [PetitionEvent(petition=petition, kind=kind, actor=actor,
                                     happened_on=petition.replied_on)
                       for kind in (PetitionEvent.Kind.REPLIED, PetitionEvent.Kind.CLOSED)]
    PetitionEvent.objects.bulk_create(events, batch_size=1000)
    return batch

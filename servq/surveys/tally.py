"""The per-month tallies behind the statistics, and their recount from the raw answers.

Every write path (public form, paper entry, import, deletion) adds its changes with
`tally_add` inside its own transaction, so the tallies never disagree with the answers for
longer than an uncommitted transaction. `tally_compare`/`tally_rebuild` (the
`recount_survey_tally` command) prove it, and repair it if a bug or a manual SQL edit broke it.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth

from .models import Answer, AnswerTally, RespondentTally, Response

# (agency_id, questionnaire_id, month, question_id, option) -> n
AnswerKey = tuple[int, int, date, int, str]
# (agency_id, questionnaire_id, month, channel) -> n
RespondentKey = tuple[int, int, date, str]


def month_of(day: date) -> date:
    return day.replace(day=1)


def _add(model, key_columns: list[str], changes: Mapping[tuple, int]) -> None:
    """Add to counters: increments create missing rows (ON CONFLICT, on PG and SQLite alike);
    decrements update existing rows (an INSERT of a negative count would fail the CHECK)."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    key_columns = [quote(column) for column in key_columns]
    increments = [key + (n,) for key, n in changes.items() if n > 0]
    decrements = [(n,) + key for key, n in changes.items() if n < 0]
    with connection.cursor() as cursor:
        if increments:
            columns = ", ".join([*key_columns, "n"])
            placeholders = ", ".join(["%s"] * (len(key_columns) + 1))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders}) "
                f"ON CONFLICT ({', '.join(key_columns)}) DO UPDATE SET n = {table}.n + excluded.n",
                increments)
        if decrements:
            where = " AND ".join(f"{column} = %s" for column in key_columns)
            cursor.executemany(f"UPDATE {table} SET n = n + %s WHERE {where}", decrements)


ANSWER_KEY_COLUMNS = ["agency_id", "questionnaire_id", "month", "question_id", "option"]
RESPONDENT_KEY_COLUMNS = ["agency_id", "questionnaire_id", "month", "channel"]


def tally_add(*, answers: Mapping[AnswerKey, int], respondents: Mapping[RespondentKey, int]
              ) -> None:
    """Apply counted changes (negative for deletions). Call inside the writing transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("tally_add must run in the transaction that writes the responses")
    _add(AnswerTally, ANSWER_KEY_COLUMNS, answers)
    _add(RespondentTally, RESPONDENT_KEY_COLUMNS, respondents)
    removed = [key for key, n in respondents.items() if n < 0]
    if removed:  # drop counters that went back to zero, so a recount compares row for row
        agencies = {key[0] for key in removed}
        months = {key[2] for key in removed}
        for model in (AnswerTally, RespondentTally):
            model.objects.filter(agency_id__in=agencies, month__in=months, n=0).delete()


# -- recount -------------------------------------------------------------------------------

def _recount_answers(agency_ids) -> dict[AnswerKey, int]:
    answers = Answer.objects.all()
    if agency_ids is not None:
        answers = answers.filter(response__agency_id__in=agency_ids)
    rows = (answers.annotate(month=TruncMonth("response__submitted_on"))
            .values_list("response__agency_id", "response__questionnaire_id", "month",
                         "question_id", "option")
            .annotate(n=Count("*")).order_by())
    return {tuple(row[:5]): row[5] for row in rows}


def _recount_respondents(agency_ids) -> dict[RespondentKey, int]:
    responses = Response.objects.all()
    if agency_ids is not None:
        responses = responses.filter(agency_id__in=agency_ids)
    rows = (responses.annotate(month=TruncMonth("submitted_on"))
            .values_list("agency_id", "questionnaire_id", "month", "channel")
            .annotate(n=Count("*")).order_by())
    return {tuple(row[:4]): row[4] for row in rows}


def _stored(model, key_columns, agency_ids) -> dict[tuple, int]:
    rows = model.objects.filter(n__gt=0)
    if agency_ids is not None:
        rows = rows.filter(agency_id__in=agency_ids)
    return {tuple(row[:-1]): row[-1] for row in rows.values_list(*key_columns, "n")}


@dataclass
class TallyDifference:
    kind: str  # "answers" | "respondents"
    key: tuple
    stored: int
    recounted: int

    def __str__(self) -> str:
        return (f"{self.kind} {'/'.join(str(part) for part in self.key)}：統計表 {self.stored}，"
                f"重新計算 {self.recounted}")


def tally_compare(*, agency_ids: list[int] | None = None) -> list[TallyDifference]:
    """Every counter whose stored value differs from a recount of the raw rows."""
    differences = []
    pairs = [
        ("answers", _stored(AnswerTally, ANSWER_KEY_COLUMNS, agency_ids),
         _recount_answers(agency_ids)),
        ("respondents", _stored(RespondentTally, RESPONDENT_KEY_COLUMNS, agency_ids),
         _recount_respondents(agency_ids)),
    ]
    for kind, stored, recounted in pairs:
        for key in sorted(set(stored) | set(recounted), key=str):
            if stored.get(key, 0) != recounted.get(key, 0):
                differences.append(TallyDifference(kind, key, stored.get(key, 0),
                                                   recounted.get(key, 0)))
    return differences


@transaction.atomic
def tally_rebuild(*, agency_ids: list[int] | None = None) -> None:
    """Replace the tallies (of these agencies, or all) by a recount of the raw rows."""
    for model, recount, columns in (
        (AnswerTally, _recount_answers, ANSWER_KEY_COLUMNS),
        (RespondentTally, _recount_respondents, RESPONDENT_KEY_COLUMNS),
    ):
        stale = model.objects.all()
        if agency_ids is not None:
            stale = stale.filter(agency_id__in=agency_ids)
        stale.delete()
        model.objects.bulk_create(
            (model(**dict(zip(columns, key)), n=n) for key, n in recount(agency_ids).items()),
            batch_size=2000,
        )

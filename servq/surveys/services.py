"""Writes of questionnaire responses. Each runs in one transaction with its tally update."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from servq.core.audit import audit_record
from servq.core.models import Agency
from servq.core.roc_dates import roc_date_short

from .models import (Answer, Channel, Question, QuestionGroup, Questionnaire, Response,
                     TextAnswer)
from .structure import Structure
from .tally import month_of, tally_add


class DuplicateSerial(ValidationError):
    """A sheet with this serial number was already entered (for this agency and version)."""

    def __init__(self, existing: Response):
        self.existing = existing
        super().__init__(
            f"問卷編號「{existing.serial}」已於 {roc_date_short(existing.submitted_on)} 登錄過"
            f"（第 {existing.pk} 號紀錄），同一張問卷不能登錄兩次。",
            code="duplicate_serial",
        )


@dataclass(frozen=True)
class Submission:
    response: Response
    created: bool  # False: the same form was sent again, nothing new was saved


def check_applies(*, structure: Structure, agency: Agency, day: date) -> None:
    questionnaire = structure.questionnaire
    if questionnaire.agency_id not in (None, agency.pk) or (
            questionnaire.agency_id is None and agency.kind != Agency.Kind.BRANCH):
        raise ValidationError(f"「{questionnaire}」不適用於{agency.short_name}。")
    if not questionnaire.covers(day):
        raise ValidationError(f"{roc_date_short(day)} 不在「{questionnaire}」的適用期間內。")


def _check_answers(structure: Structure, answers: Mapping[str, str],
                   texts: Mapping[str, str]) -> None:
    if not answers and not texts:
        raise ValidationError("問卷沒有任何答案。")
    for code, option in answers.items():
        question = structure.by_code.get(code)
        if question is None or question.is_text:
            raise ValidationError(f"問卷沒有單選題「{code}」。")
        if option not in question.option_codes:
            raise ValidationError(f"「{code}」沒有選項「{option}」。")
    for code in texts:
        question = structure.by_code.get(code)
        if question is None or not question.is_text:
            raise ValidationError(f"問卷沒有文字題「{code}」。")


@transaction.atomic
def survey_response_submit(
    *,
    structure: Structure,
    agency: Agency,
    submitted_on: date,
    channel: str,
    answers: Mapping[str, str],
    texts: Mapping[str, str] | None = None,
    token: UUID | None = None,
    serial: str | None = None,
    entered_by=None,
) -> Submission:
    """Save one response (answers by question code; skipped questions are simply absent).

    The same `token` sent twice (a double click, a resent form) returns the first response.
    """
    texts = {code: text.strip() for code, text in (texts or {}).items() if text.strip()}
    if channel not in Channel.values:
        raise ValidationError(f"填答方式「{channel}」不正確。")
    check_applies(structure=structure, agency=agency, day=submitted_on)
    _check_answers(structure, answers, texts)
    questionnaire: Questionnaire = structure.questionnaire
    serial = serial.strip() if serial else None

    if token is not None:
        earlier = Response.objects.filter(submission_token=token).first()
        if earlier is not None:
            return Submission(earlier, created=False)
    if serial:
        _refuse_duplicate_serial(agency, questionnaire, serial)
    try:
        with transaction.atomic():
            response = Response.objects.create(
                agency=agency, questionnaire=questionnaire, submitted_on=submitted_on,
                channel=channel, serial=serial, submission_token=token, entered_by=entered_by,
            )
    except IntegrityError:  # a concurrent request won the race for the token or the serial
        if token is not None and (earlier := Response.objects.filter(
                submission_token=token).first()):
            return Submission(earlier, created=False)
        _refuse_duplicate_serial(agency, questionnaire, serial)
        raise

    Answer.objects.bulk_create(
        Answer(response=response, question_id=structure.by_code[code].id, option=option)
        for code, option in answers.items()
    )
    TextAnswer.objects.bulk_create(
        TextAnswer(response=response, question_id=structure.by_code[code].id, text=text)
        for code, text in texts.items()
    )
    month = month_of(submitted_on)
    tally_add(
        answers={(agency.pk, questionnaire.pk, month, structure.by_code[code].id, option): 1
                 for code, option in answers.items()},
        respondents={(agency.pk, questionnaire.pk, month, channel): 1},
    )
    return Submission(response, created=True)


def _refuse_duplicate_serial(agency, questionnaire, serial) -> None:
    if not serial:
        return
    existing = Response.objects.filter(agency=agency, questionnaire=questionnaire,
                                       serial=serial).first()
    if existing is not None:
        raise DuplicateSerial(existing)


@transaction.atomic
def survey_response_delete(*, response: Response, actor, request=None, reason: str) -> None:
    """Remove a response entered by mistake (its answers leave the tallies in this transaction)."""
    month = month_of(response.submitted_on)
    key = (response.agency_id, response.questionnaire_id, month)
    answers = {key + (question_id, option): -1
               for question_id, option in response.answers.values_list("question_id", "option")}
    audit_record(action="survey.response_delete", actor=actor, request=request,
                 agency=response.agency, target=response, reason=reason,
                 detail={"serial": response.serial or "", "channel": response.channel,
                         "submitted_on": response.submitted_on.isoformat()})
    response.delete()
    tally_add(answers=answers, respondents={key + (response.channel,): -1})


@transaction.atomic
def questionnaire_new_version(*, previous: Questionnaire, effective_from: date) -> Questionnaire:
    """A copy of `previous` (groups and questions) as its next version, in effect from
    `effective_from`; the previous version ends the day before. Edit the copy before it starts:
    keep a question's code only for the same question on the same scale."""
    if effective_from <= previous.effective_from:
        raise ValidationError("新版本的適用起日必須晚於舊版本的起日。")
    version = Questionnaire.objects.create(
        code=previous.code, version=previous.version + 1, title=previous.title,
        title_en=previous.title_en, intro=previous.intro, intro_en=previous.intro_en,
        agency=previous.agency, effective_from=effective_from,
        replaces=previous,
    )
    previous.effective_until = effective_from - timedelta(days=1)
    previous.save(update_fields=["effective_until"])
    for group in previous.groups.prefetch_related("questions"):
        copy = QuestionGroup.objects.create(questionnaire=version, code=group.code,
                                            title=group.title, title_en=group.title_en,
                                            order=group.order)
        Question.objects.bulk_create(
            Question(questionnaire=version, group=copy, code=q.code, text=q.text,
                     text_en=q.text_en, short_label=q.short_label, scale_id=q.scale_id,
                     is_overall=q.is_overall, order=q.order)
            for q in group.questions.all()
        )
    return version

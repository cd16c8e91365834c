"""Execution-attitude reviews: opening a month, scoring, submitting, approving, returning."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from servq.core.audit import audit_record
from servq.core.models import Agency, StaffMember
from servq.core.numbers import mean

from ..models import AttitudeAssessment, AttitudeReview
from ..models.attitude import (COMMITTEE_ITEMS, COMMITTEE_SIZE, DEFAULT_BASELINE, DIRECTOR_ITEMS,
                               AttitudeItem)

Status = AttitudeReview.Status


class ReviewRefused(Exception):
    """The review cannot change that way (wrong status, missing reasons, ...)."""


def assessment_total(scores: dict[str, int]) -> Decimal:
    """The mean of the five items, half-up to one decimal."""
    return mean(sum(scores[item.value] for item in AttitudeItem), len(AttitudeItem))


def needs_reason(scores: dict[str, int], baseline: int) -> bool:
    return any(scores[item.value] < baseline for item in AttitudeItem)


@transaction.atomic
def attitude_review_open(*, agency: Agency, month: date, committee: list[StaffMember],
                         baseline: int = DEFAULT_BASELINE, actor=None,
                         request=None) -> AttitudeReview:
    """Open a month: every active enforcement officer starts at the baseline on every item."""
    month = month.replace(day=1)
    if len({person.pk for person in committee}) != COMMITTEE_SIZE:
        raise ReviewRefused(f"考核小組須為 {COMMITTEE_SIZE} 位不同的人員。")
    if any(person.agency_id != agency.pk for person in committee):
        raise ReviewRefused("考核小組成員須為本機關人員。")
    if AttitudeReview.objects.filter(agency=agency, month=month).exists():
        raise ReviewRefused(f"{month:%Y-%m} 的考核已建立。")
    review = AttitudeReview.objects.create(agency=agency, month=month, baseline=baseline)
    review.committee.set(committee)
    officers = StaffMember.objects.filter(agency=agency, is_active=True,
                                          is_enforcement_officer=True)
    start = {item.value: baseline for item in AttitudeItem}
    AttitudeAssessment.objects.bulk_create(
        AttitudeAssessment(review=review, officer=officer, total=assessment_total(start), **start)
        for officer in officers)
    audit_record(action="ledgers.attitude.open", request=request, actor=actor, agency=agency,
                 target=review)
    return review


def _editable_items(review: AttitudeReview, as_director: bool) -> list[AttitudeItem]:
    if as_director:
        if review.status != Status.SUBMITTED:
            raise ReviewRefused("分署長評分須在考核小組送核之後、核定之前。")
        return DIRECTOR_ITEMS
    if review.status != Status.DRAFT:
        raise ReviewRefused("考核已送核或核定，考核小組不能再修改。")
    return COMMITTEE_ITEMS


@transaction.atomic
def attitude_scores_save(*, review: AttitudeReview, scores: dict[int, dict[str, int]],
                         notes: dict[int, str], as_director: bool = False, actor=None,
                         request=None) -> int:
    """Save items for assessments (by id). The committee saves its items in a draft; the
    director saves the director's item in a submitted review. Returns assessments changed."""
    review = AttitudeReview.objects.select_for_update().get(pk=review.pk)
    items = {item.value for item in _editable_items(review, as_director)}
    assessments = {a.pk: a for a in review.assessments.all()}
    changed = []
    for pk, item_scores in scores.items():
        assessment = assessments.get(pk)
        if assessment is None:
            raise ReviewRefused("成績不屬於這次考核。")
        if set(item_scores) - items:
            raise ReviewRefused("這些項目不是您可以評的。")
        for item, score in item_scores.items():
            if not 0 <= score <= 100:
                raise ReviewRefused("分數須在 0 到 100 之間。")
            setattr(assessment, item, score)
        if pk in notes:
            assessment.note = notes[pk].strip()
        assessment.total = assessment_total(assessment.scores())
        changed.append(assessment)
    AttitudeAssessment.objects.bulk_update(changed, [*items, "note", "total"])
    audit_record(action="ledgers.attitude.scores", request=request, actor=actor,
                 agency=review.agency, target=review,
                 detail={"assessments": len(changed), "director": as_director})
    return len(changed)


def missing_reasons(review: AttitudeReview) -> list[AttitudeAssessment]:
    """Assessments with an item below the baseline and no written reason."""
    return [a for a in review.assessments.select_related("officer")
            if needs_reason(a.scores(), review.baseline) and not a.note.strip()]


def _refuse_missing_reasons(review: AttitudeReview) -> None:
    missing = missing_reasons(review)
    if missing:
        names = "、".join(a.officer.name for a in missing)
        raise ReviewRefused(f"以下人員有項目低於基準分 {review.baseline} 分，須填寫事由：{names}")


@transaction.atomic
def attitude_review_submit(*, review: AttitudeReview, actor=None, request=None) -> AttitudeReview:
    review = AttitudeReview.objects.select_for_update().get(pk=review.pk)
    if review.status != Status.DRAFT:
        raise ReviewRefused("只有評分中的考核可以送核。")
    _refuse_missing_reasons(review)
    review.status, review.submitted_at = Status.SUBMITTED, timezone.now()
    review.returned_reason = ""
    review.save(update_fields=["status", "submitted_at", "returned_reason"])
    audit_record(action="ledgers.attitude.submit", request=request, actor=actor,
                 agency=review.agency, target=review)
    return review


@transaction.atomic
def attitude_review_approve(*, review: AttitudeReview, actor=None, request=None
                            ) -> AttitudeReview:
    review = AttitudeReview.objects.select_for_update().get(pk=review.pk)
    if review.status != Status.SUBMITTED:
        raise ReviewRefused("只有已送核的考核可以核定。")
    _refuse_missing_reasons(review)
    review.status, review.approved_at, review.approved_by = Status.APPROVED, timezone.now(), actor
    review.save(update_fields=["status", "approved_at", "approved_by"])
    audit_record(action="ledgers.attitude.approve", request=request, actor=actor,
                 agency=review.agency, target=review)
    return review


@transaction.atomic
def attitude_review_return(*, review: AttitudeReview, reason: str, actor=None,
                           request=None) -> AttitudeReview:
    """The director sends a submitted review back to the committee with a reason."""
    review = AttitudeReview.objects.select_for_update().get(pk=review.pk)
    if review.status != Status.SUBMITTED:
        raise ReviewRefused("只有已送核的考核可以退回。")
    if not reason.strip():
        raise ReviewRefused("請填寫退回理由。")
    review.status, review.returned_reason, review.submitted_at = Status.DRAFT, reason.strip(), None
    review.save(update_fields=["status", "returned_reason", "submitted_at"])
    audit_record(action="ledgers.attitude.return", request=request, actor=actor,
                 agency=review.agency, target=review, reason=reason.strip())
    return review

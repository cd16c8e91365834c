"""Demo courtesy tests, attitude reviews and lunch duty for 2015-01..06.

The seed: 24 branch tests (4 people a month) averaging 93.3 and 6 HQ tests averaging 93.2,
both 優等; monthly attitude reviews with 75 as the baseline; 257 people served at lunch.
"""

import random
from datetime import date

from servq.core.models import Agency, StaffMember
from servq.core.workdays import WorkCalendar

from ..models import AttitudeReview, CourtesyItem, CourtesyTest, LunchDuty
from ..models.attitude import AttitudeItem
from ..services.attitude import (attitude_review_approve, attitude_review_open,
                                 attitude_review_submit, attitude_scores_save)
from ..services.courtesy import courtesy_test_save
from ..services.lunch import lunch_duty_save, lunch_roster_generate
from .sums import split_total, values_with_sum

FIRST, LAST = date(2015, 1, 1), date(2015, 6, 30)
SELF_TESTS_TOTAL, HQ_TESTS_TOTAL = 2_239, 559  # 2,239/24 = 93.3; 559/6 = 93.2 (half-up)
LUNCH_SERVED = 257
COMMITTEE_TITLES = ["秘書室主任", "人事室主任", "政風室主任"]


def _item_scores(rng: random.Random, items: list[CourtesyItem], total: int) -> dict[int, int]:
    """Deduct 100 - total points from random items, never below zero."""
    scores = {item.pk: item.max_score for item in items}
    for _ in range(sum(scores.values()) - total):
        pk = rng.choice([pk for pk, score in scores.items() if score > 0])
        scores[pk] -= 1
    return scores


def _courtesy(agency: Agency, actor, staff: list[StaffMember], workdays: list[date]) -> None:
    rng = random.Random(93)
    items = list(CourtesyItem.objects.filter(is_active=True))
    self_totals = values_with_sum(rng, 24, SELF_TESTS_TOTAL, 88, 98)
    hq_totals = values_with_sum(rng, 6, HQ_TESTS_TOTAL, 89, 97)
    for month in range(1, 7):
        days = [d for d in workdays if d.month == month]
        tested_on, hq_day = rng.choice(days[5:15]), rng.choice(days[10:])
        for person in rng.sample(staff, 4):
            courtesy_test_save(agency=agency, instance=CourtesyTest(), actor=actor,
                               scores=_item_scores(rng, items, self_totals.pop()),
                               data=dict(source=CourtesyTest.Source.SELF, tested_on=tested_on,
                                         tester="秘書室研考人員", staff_member=person))
        courtesy_test_save(agency=agency, instance=CourtesyTest(), actor=actor,
                           scores=_item_scores(rng, items, hq_totals.pop()),
                           data=dict(source=CourtesyTest.Source.HQ, tested_on=hq_day,
                                     tester="法務部行政執行署", staff_member=rng.choice(staff)))


def _attitude(agency: Agency, users: dict) -> None:
    rng = random.Random(75)
    heads = {p.title: p for p in StaffMember.objects.filter(agency=agency,
                                                             title__in=COMMITTEE_TITLES)}
    committee = [heads[title] for title in COMMITTEE_TITLES]
    for month in range(1, 7):
        review = attitude_review_open(agency=agency, month=date(2015, month, 1),
                                      committee=committee, actor=users["sly-committee"])
        assessments = list(review.assessments.all())
        scores, notes = {}, {}
        for assessment in rng.sample(assessments, 8):  # a few stood out this month
            scores[assessment.pk] = {item: rng.randint(78, 92) for item in
                                     ("service_attitude", "attendance", "public_impression",
                                      "supervisor")}
            notes[assessment.pk] = "受理民眾洽詢耐心詳盡，獲民眾來函肯定"
        lower = rng.choice([a for a in assessments if a.pk not in scores])
        scores[lower.pk] = {"attendance": 72}
        notes[lower.pk] = "本月遲到二次"
        attitude_scores_save(review=review, scores=scores, notes=notes,
                             actor=users["sly-committee"])
        attitude_review_submit(review=review, actor=users["sly-committee"])
        director = {pk: {AttitudeItem.DIRECTOR.value: rng.randint(78, 90)} for pk in scores
                    if pk != lower.pk}
        attitude_scores_save(review=review, scores=director, notes={}, as_director=True,
                             actor=users["sly-director"])
        attitude_review_approve(review=review, actor=users["sly-director"])


def _lunch(agency: Agency, actor, staff: list[StaffMember], workdays: list[date]) -> None:
    rng = random.Random(1230)
    lunch_roster_generate(agency=agency, first=FIRST, last=LAST, staff=staff, actor=actor)
    shifts = list(LunchDuty.objects.filter(agency=agency, day__range=(FIRST, LAST)))
    served = split_total(LUNCH_SERVED, [rng.uniform(0.2, 2.0) for _ in shifts])
    for shift, people in zip(shifts, served):
        inquiry, billing, payment = split_total(people, [rng.uniform(1, 3), rng.uniform(0.2, 1),
                                                         rng.uniform(0.5, 2)])
        lunch_duty_save(agency=agency, instance=shift, actor=actor, logged=True, data=dict(
            served_inquiry=inquiry, served_billing=billing, served_payment=payment))


def load(agency: Agency, users: dict) -> str:
    if CourtesyTest.objects.filter(agency=agency).exists() or \
            AttitudeReview.objects.filter(agency=agency).exists():
        return ""
    workdays = WorkCalendar(FIRST, LAST, agency).workdays()
    staff = list(StaffMember.objects.filter(agency=agency, is_active=True))
    clerks = [p for p in staff if p.title in ("書記官", "執行員", "科員")]
    _courtesy(agency, users["sly-secretariat"], staff, workdays)
    _attitude(agency, users)
    _lunch(agency, users["sly-secretariat"], clerks, workdays)
    return (f"courtesy tests, 6 attitude reviews, lunch duty on {len(workdays)} working days")

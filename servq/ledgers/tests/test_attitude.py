import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from servq.core.models import AuditEvent, StaffMember
from servq.ledgers.models import AttitudeReview
from servq.ledgers.selectors.attitude import honour_roll, ranked_assessments
from servq.ledgers.services.attitude import (ReviewRefused, attitude_review_approve,
                                             attitude_review_open, attitude_review_return,
                                             attitude_review_submit, attitude_scores_save)

COMMITTEE = ["秘書室主任", "人事室主任", "政風室主任"]


@pytest.fixture
def committee(roster):
    return [p for title in COMMITTEE for p in roster if p.title == title]


def open_month(cast, committee, month=6, baseline=75):
    return attitude_review_open(agency=cast.sly, month=date(2015, month, 1), committee=committee,
                                baseline=baseline)


def assessment_of(review, officer):
    return review.assessments.get(officer=officer)


def test_it_opens_a_month_with_every_enforcement_officer_at_the_baseline(cast, committee):
    review = open_month(cast, committee)
    officers = StaffMember.objects.filter(agency=cast.sly, is_enforcement_officer=True).count()
    assert review.assessments.count() == officers == 45
    assert set(review.assessments.values_list("total", flat=True)) == {Decimal("75.0")}
    with pytest.raises(ReviewRefused, match="已建立"):
        open_month(cast, committee)
    with pytest.raises(ReviewRefused, match="3 位"):
        open_month(cast, committee[:2], month=5)


def test_it_ranks_the_month_with_ties_sharing_a_place(cast, committee, roster):
    review = open_month(cast, committee)
    officers = [p for p in roster if p.is_enforcement_officer]
    scores = {assessment_of(review, officers[0]).pk: {"service_attitude": 90, "attendance": 90,
                                                     "public_impression": 90, "supervisor": 90},
              assessment_of(review, officers[1]).pk: {"service_attitude": 90, "attendance": 90,
                                                     "public_impression": 90, "supervisor": 90},
              assessment_of(review, officers[2]).pk: {"service_attitude": 80, "attendance": 80,
                                                     "public_impression": 80, "supervisor": 80}}
    attitude_scores_save(review=review, scores=scores, notes={})
    ranked = list(ranked_assessments(review))
    assert [(a.officer, a.rank, a.total) for a in ranked[:3]] == [
        (officers[0], 1, Decimal("87.0")), (officers[1], 1, Decimal("87.0")),
        (officers[2], 3, Decimal("79.0"))]
    assert ranked[3].rank == 4 and ranked[-1].total == Decimal("75.0")


def test_it_needs_a_reason_for_a_score_below_the_baseline(cast, committee, roster):
    review = open_month(cast, committee)
    late = assessment_of(review, [p for p in roster if p.is_enforcement_officer][4])
    attitude_scores_save(review=review, scores={late.pk: {"attendance": 70}}, notes={})
    with pytest.raises(ReviewRefused, match=late.officer.name):
        attitude_review_submit(review=review)
    attitude_scores_save(review=review, scores={late.pk: {"attendance": 70}},
                         notes={late.pk: "本月遲到三次"})
    assert attitude_review_submit(review=review).status == AttitudeReview.Status.SUBMITTED


def test_it_lets_the_director_score_and_approve_only_after_submission(cast, committee, roster):
    review = open_month(cast, committee)
    first = review.assessments.first()
    with pytest.raises(ReviewRefused):
        attitude_scores_save(review=review, scores={first.pk: {"director": 90}}, notes={},
                             as_director=True)
    with pytest.raises(ReviewRefused):
        attitude_review_approve(review=review)
    attitude_review_submit(review=review)
    with pytest.raises(ReviewRefused, match="不能再修改"):
        attitude_scores_save(review=review, scores={first.pk: {"attendance": 80}}, notes={})
    with pytest.raises(ReviewRefused, match="不是您可以評的"):
        attitude_scores_save(review=review, scores={first.pk: {"attendance": 80}}, notes={},
                             as_director=True)
    attitude_scores_save(review=review, scores={first.pk: {"director": 100}}, notes={},
                         as_director=True)
    assert review.assessments.get(pk=first.pk).total == Decimal("80.0")
    with pytest.raises(ReviewRefused, match="退回理由"):
        attitude_review_return(review=review, reason=" ")
    attitude_review_return(review=review, reason="請補充差勤資料")
    review.refresh_from_db()
    assert (review.status, review.returned_reason) == (AttitudeReview.Status.DRAFT, "請補充差勤資料")
    attitude_review_submit(review=review)
    assert attitude_review_approve(review=review, actor=cast.director).is_approved


def approved_month(cast, committee, roster, month=6, best=None):
    review = open_month(cast, committee, month=month)
    best = best or [p for p in roster if p.is_enforcement_officer][0]
    attitude_scores_save(review=review, scores={assessment_of(review, best).pk: {
        "service_attitude": 95, "attendance": 90, "public_impression": 92, "supervisor": 90}},
        notes={})
    attitude_review_submit(review=review)
    attitude_review_approve(review=review)
    return review


def test_it_puts_each_approved_months_first_place_on_the_honour_roll(cast, committee, roster,
                                                                     client_for):
    officers = [p for p in roster if p.is_enforcement_officer]
    approved_month(cast, committee, roster, month=5, best=officers[5])
    approved_month(cast, committee, roster, month=6, best=officers[7])
    draft = open_month(cast, committee, month=7)
    attitude_scores_save(review=draft, scores={assessment_of(draft, officers[9]).pk: {
        "service_attitude": 99, "attendance": 99, "public_impression": 99, "supervisor": 99}},
        notes={})
    roll = honour_roll(agency=cast.sly)
    assert [(entry["review"].month, [a.officer for a in entry["leaders"]]) for entry in roll] == [
        (date(2015, 6, 1), [officers[7]]), (date(2015, 5, 1), [officers[5]])]
    page = client_for(cast.front_desk).get(reverse("ledgers:honour-roll", args=["sly"]))
    text = page.content.decode()
    assert officers[7].name in text and officers[5].name in text and officers[9].name not in text
    assert client_for(cast.outsider).get(reverse("ledgers:honour-roll",
                                                 args=["sly"])).status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_it_exports_the_approved_ranking_for_hq(cast, committee, roster, client_for, fmt):
    best = [p for p in roster if p.is_enforcement_officer][2]
    approved_month(cast, committee, roster, best=best)
    url = reverse("ledgers:attitude-export", args=["sly", "2015-06", fmt])
    response = client_for(cast.hq_auditor).get(url)
    assert response.status_code == 200
    assert "sly-attitude-2015-06" in response["Content-Disposition"]
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    else:
        from odfdo import Document

        rows = Document(io.BytesIO(response.content)).body.get_table(0).get_values()
    assert rows[0][:3] == ["名次", "姓名", "職稱"]
    assert len(rows) == 1 + 45
    assert [str(rows[1][0]), rows[1][1]] == ["1", best.name]
    assert float(rows[1][9]) == 88.4  # (95 + 90 + 92 + 90 + the director's 75) / 5
    assert AuditEvent.objects.filter(action="ledgers.attitude.export").count() == 1


def test_it_refuses_to_export_a_month_not_yet_approved(cast, committee, client_for):
    open_month(cast, committee)
    url = reverse("ledgers:attitude-export", args=["sly", "2015-06", "csv"])
    assert client_for(cast.director).get(url).status_code == 404


def test_it_reports_the_baseline_and_counts_of_approved_months(cast, committee, roster, figures):
    assert figures(cast.sly)["attitude_baseline"]["value"] is None
    approved_month(cast, committee, roster, month=2)
    review = open_month(cast, committee, month=5, baseline=80)
    attitude_review_submit(review=review)
    figure = figures(cast.sly, "2015Q2")["attitude_baseline"]
    assert (figure["value"], figure["reviews"], figure["assessments"]) == (75, 1, 45)
    assert figure["quarter"]["reviews"] == 0
    attitude_review_approve(review=review)
    figure = figures(cast.sly, "2015Q2")["attitude_baseline"]
    assert (figure["value"], figure["reviews"], figure["quarter"]["reviews"]) == (80, 2, 1)


def test_it_opens_and_scores_a_month_on_the_committees_screens(cast, committee, client_for):
    index = reverse("ledgers:attitude", args=["sly"])
    data = {"month": "2015-06", "committee": [p.pk for p in committee], "baseline": 75}
    assert client_for(cast.director).post(index, data).status_code == 403
    response = client_for(cast.committee).post(index, data)
    assert response.status_code == 302
    review = AttitudeReview.objects.get()
    sheet = reverse("ledgers:attitude-sheet", args=["sly", "2015-06"])
    target = review.assessments.order_by("officer__sort_order").first()
    form = {f"a{a.pk}_{item}": 75 for a in review.assessments.all()
            for item in ("service_attitude", "attendance", "public_impression", "supervisor")}
    page = client_for(cast.committee).post(sheet, form | {f"a{target.pk}_attendance": 60})
    assert "請填寫事由" in page.content.decode()
    assert review.assessments.get(pk=target.pk).attendance == 75
    client_for(cast.committee).post(sheet, form | {f"a{target.pk}_attendance": 60,
                                                   f"a{target.pk}_note": "曠職一日"})
    assert review.assessments.get(pk=target.pk).total == Decimal("72.0")
    text = client_for(cast.committee).get(sheet).content.decode()
    assert "相關陳情" in text and "曠職一日" in text
    assert AuditEvent.objects.filter(action="ledgers.attitude.view", actor=cast.committee).exists()
    # The director may not score the committee's items, nor anything before submission.
    assert client_for(cast.director).post(sheet, form).status_code == 403


def test_it_shows_drafts_to_the_committee_and_director_only(cast, committee, roster, client_for):
    open_month(cast, committee)
    sheet = reverse("ledgers:attitude-sheet", args=["sly", "2015-06"])
    assert client_for(cast.secretariat).get(sheet).status_code == 403
    assert client_for(cast.director).get(sheet).status_code == 200
    index = client_for(cast.secretariat).get(reverse("ledgers:attitude", args=["sly"]) +
                                             "?year=2015").content.decode()
    assert "2015-06" not in index


def test_it_submits_approves_and_publishes_through_the_screens(cast, committee, client_for):
    review = open_month(cast, committee)
    month = ["sly", "2015-06"]
    assert client_for(cast.director).post(reverse("ledgers:attitude-submit",
                                                  args=month)).status_code == 403
    client_for(cast.committee).post(reverse("ledgers:attitude-submit", args=month))
    assert client_for(cast.committee).post(reverse("ledgers:attitude-approve",
                                                   args=month)).status_code == 403
    sheet = reverse("ledgers:attitude-sheet", args=month)
    first = review.assessments.first()
    scores = {f"a{a.pk}_director": 75 for a in review.assessments.all()}
    client_for(cast.director).post(sheet, scores | {f"a{first.pk}_director": 95})
    client_for(cast.director).post(reverse("ledgers:attitude-approve", args=month))
    review.refresh_from_db()
    assert review.is_approved and review.assessments.get(pk=first.pk).director == 95
    assert client_for(cast.secretariat).get(sheet).status_code == 200
    assert client_for(cast.outsider).get(sheet).status_code == 404


def test_it_shows_complaints_referred_from_petitions_beside_the_officer(cast, committee, roster,
                                                                        client_for,
                                                                        office_calendar_2015):
    from servq.core.models import Unit
    from servq.petitions.models import Category, Channel
    from servq.petitions.reference import ensure_categories
    from servq.petitions.services import Intake, Petitioner, petition_assign, petition_receive

    ensure_categories()
    officer = next(p for p in roster if p.is_enforcement_officer)
    committee_unit = Unit.objects.get(agency=cast.sly, code="attitude")

    def complaint(subject, received_on, about=None):
        petition = petition_receive(
            agency=cast.sly, channel=Channel.LETTER, category=Category.objects.get(code="attitude"),
            subject=subject, intake=Intake(received_on=received_on, complained_officer=about,
                                           petitioner=Petitioner("王小明", "", "", "")),
        ).petition
        petition_assign(petition=petition, unit=committee_unit, actor=cast.secretariat)
        return petition

    named = complaint("承辦人員態度不佳", date(2015, 6, 3), about=officer)
    unnamed = complaint("櫃檯人員語氣不耐", date(2015, 6, 9))
    other_month = complaint("五月的陳情", date(2015, 5, 20), about=officer)
    open_month(cast, committee)
    sheet = client_for(cast.committee).get(reverse("ledgers:attitude-sheet", args=["sly", "2015-06"]))
    rows = {row["assessment"].officer_id: row["complaints"] for row in sheet.context["rows"]}
    assert [c.number for c in rows[officer.pk]] == [named.number]
    assert [c.number for c in sheet.context["unattributed_complaints"]] == [unnamed.number]
    text = sheet.content.decode()
    assert named.number in text and unnamed.number in text and other_month.number not in text

"""Execution-attitude reviews: the ranked month, the honour roll and the report's figures."""

from collections.abc import Iterable
from datetime import date

from django.db.models import Avg, Count, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Rank

from servq.core.models import Agency
from servq.core.numbers import round_half_up
from servq.core.periods import Period

from ..models import AttitudeAssessment, AttitudeReview
from ..windows import Windows


def ranked_assessments(review: AttitudeReview):
    """The month's assessments best first; equal totals share a rank (1, 1, 3, ...)."""
    return (review.assessments.select_related("officer", "officer__unit")
            .annotate(rank=Window(Rank(), order_by=F("total").desc()))
            .order_by("-total", "officer__sort_order", "officer__pk"))


def related_complaints(*, review: AttitudeReview) -> dict[int | None, list]:
    """Complaints about execution attitude received in the review's month (petitions referred
    to the committee), by the StaffMember id of the officer complained about; key None holds
    those that name no officer. Shown beside each officer on the review sheet."""
    from servq.petitions.selectors import attitude_complaints

    start = review.month
    end = Period.month(start.year, start.month).end
    by_officer: dict[int | None, list] = {}
    for complaint in attitude_complaints(agency=review.agency, start=start, end=end):
        by_officer.setdefault(complaint.officer_id, []).append(complaint)
    return by_officer


def honour_roll(*, agency: Agency, months: int = 12) -> list[dict]:
    """For each of the last approved months, the officer(s) ranked first."""
    reviews = list(AttitudeReview.objects.filter(agency=agency,
                                                 status=AttitudeReview.Status.APPROVED)
                   .order_by("-month")[:months])
    best = (AttitudeAssessment.objects.filter(review=OuterRef("review")).order_by("-total")
            .values("total")[:1])
    leaders = (AttitudeAssessment.objects.filter(review__in=reviews, total=Subquery(best))
               .select_related("officer", "officer__unit")
               .order_by("officer__sort_order", "officer__pk"))
    by_review: dict[int, list] = {review.pk: [] for review in reviews}
    for assessment in leaders:
        by_review[assessment.review_id].append(assessment)
    return [{"review": review, "leaders": by_review[review.pk]} for review in reviews]


def attitude_figure(*, agency_ids: Iterable[int], windows: Windows) -> dict:
    agency_ids = list(agency_ids)
    approved = AttitudeReview.objects.filter(agency_id__in=agency_ids,
                                             status=AttitudeReview.Status.APPROVED,
                                             month__range=windows.year_to_date.as_range())
    latest = approved.order_by("-month", "-pk").values_list("baseline", flat=True).first()
    in_quarter = Q(review__month__gte=windows.quarter.start)
    sums = AttitudeAssessment.objects.filter(review__in=approved).aggregate(
        y_assessments=Count("pk"), y_average=Avg("total"),
        q_assessments=Count("pk", filter=in_quarter), q_average=Avg("total", filter=in_quarter))
    months = approved.aggregate(
        y_reviews=Count("pk"), q_reviews=Count("pk", filter=Q(month__gte=windows.quarter.start)))

    def figure(prefix: str) -> dict:
        average = sums[f"{prefix}average"]
        return {"reviews": months[f"{prefix}reviews"], "assessments": sums[f"{prefix}assessments"],
                "average": round_half_up(average) if average is not None else None}

    return {"value": latest, "unit": "分"} | figure("y_") | {"quarter": figure("q_")}


def reviews_for(agency: Agency, year: int):
    return (AttitudeReview.objects.filter(agency=agency, month__year=year)
            .annotate(officers=Count("assessments")).order_by("-month"))


def month_of(text: str) -> date:
    """'2015-06' -> date(2015, 6, 1); ValueError otherwise."""
    year, month = text.split("-")
    return date(int(year), int(month), 1)

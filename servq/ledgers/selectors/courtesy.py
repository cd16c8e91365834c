"""Telephone courtesy test figures: person-times, test days, average and rating band."""

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Count, Q, Sum

from servq.core.numbers import mean

from ..models import CourtesyRatingBand, CourtesyTest
from ..windows import Windows

FIGURE_KEYS = {CourtesyTest.Source.SELF: "phone_courtesy_self",
               CourtesyTest.Source.HQ: "phone_courtesy_hq"}


def rating_for(average: Decimal | None, bands: list[CourtesyRatingBand]) -> str | None:
    """The highest band whose minimum the (rounded) average reaches."""
    if average is None:
        return None
    for band in bands:  # highest minimum first
        if average >= band.min_score:
            return band.label
    return None


def courtesy_figures(*, agency_ids: Iterable[int], windows: Windows) -> dict[str, dict]:
    bands = list(CourtesyRatingBand.objects.order_by("-min_score"))
    in_quarter = Q(tested_on__gte=windows.quarter.start)
    rows = (CourtesyTest.objects
            .filter(agency_id__in=list(agency_ids),
                    tested_on__range=windows.year_to_date.as_range())
            .values("source", "agency_id")
            .annotate(people=Count("pk"), points=Sum("total"),
                      days=Count("tested_on", distinct=True),
                      q_people=Count("pk", filter=in_quarter),
                      q_points=Sum("total", filter=in_quarter),
                      q_days=Count("tested_on", distinct=True, filter=in_quarter)))
    sums = {source: dict.fromkeys(("people", "points", "days", "q_people", "q_points", "q_days"), 0)
            for source in FIGURE_KEYS}
    for row in rows:  # one row per source and agency
        for name in sums[row["source"]]:
            sums[row["source"]][name] += row[name] or 0

    def figure(people: int, points: int, days: int) -> dict:
        average = mean(points, people)
        return {"person_times": people, "tests": days, "average": average,
                "rating": rating_for(average, bands)}

    result = {}
    for source, key in FIGURE_KEYS.items():
        s = sums[source]
        result[key] = figure(s["people"], s["points"], s["days"]) | {
            "quarter": figure(s["q_people"], s["q_points"], s["q_days"])}
    return result

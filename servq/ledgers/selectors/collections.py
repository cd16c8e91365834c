"""Collection figures, read from the monthly tally (never from the million records)."""

from collections.abc import Iterable

from django.db.models import Q, Sum

from ..models import CollectionTally
from ..models.collections import INSURANCE_CATEGORIES, SMALL_PAYMENT_LIMIT_NTD, Category, Channel
from ..windows import Windows


def _empty() -> dict:
    return {"cases": 0, "amount_ntd": 0}


def _add(target: dict, cases: int, amount: int) -> None:
    target["cases"] += cases
    target["amount_ntd"] += amount


def collection_figures(*, agency_ids: Iterable[int], windows: Windows) -> dict[str, dict]:
    in_quarter = Q(month__gte=windows.quarter.start)
    rows = (CollectionTally.objects
            .filter(agency_id__in=list(agency_ids), month__range=windows.year_to_date.as_range())
            .values("category", "channel")
            .annotate(y_cases=Sum("cases"), y_amount=Sum("amount"),
                      q_cases=Sum("cases", filter=in_quarter),
                      q_amount=Sum("amount", filter=in_quarter)))
    spans = ("year", "quarter")
    store = {span: _empty() for span in spans}
    insurance = {span: _empty() | {"by_channel": {c: _empty() for c in Channel.values}}
                 for span in spans}
    overall = {span: _empty() | {"by_category": {c: _empty() for c in Category.values},
                                 "by_channel": {c: _empty() for c in Channel.values}}
               for span in spans}
    for row in rows:
        for span, cases, amount in (("year", row["y_cases"], row["y_amount"]),
                                    ("quarter", row["q_cases"] or 0, row["q_amount"] or 0)):
            _add(overall[span], cases, amount)
            _add(overall[span]["by_category"][row["category"]], cases, amount)
            _add(overall[span]["by_channel"][row["channel"]], cases, amount)
            if row["category"] in INSURANCE_CATEGORIES:
                _add(insurance[span], cases, amount)
                _add(insurance[span]["by_channel"][row["channel"]], cases, amount)
            elif row["channel"] == Channel.STORE:
                _add(store[span], cases, amount)
    return {
        "store_collections": store["year"] | {"quarter": store["quarter"]},
        "insurance_collections": insurance["year"] | {"quarter": insurance["quarter"]},
        "collections": overall["year"] | {"quarter": overall["quarter"]},
        # A rule, not a count: the same in every span.
        "store_payment_threshold": {"value": SMALL_PAYMENT_LIMIT_NTD, "unit": "元",
                                    "quarter": {"value": SMALL_PAYMENT_LIMIT_NTD}},
    }

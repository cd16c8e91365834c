"""Demo monthly indicator values (2015-01..06) with the seed's year-to-date totals."""

import random
from datetime import date

from servq.core.models import Agency

from ..models import Indicator, IndicatorValue
from ..services.indicators import indicator_baseline_save, indicator_values_save
from .sums import split_total

MONTHS = [date(2015, m, 1) for m in range(1, 7)]
# Fewer working days in February (Lunar New Year) and a little more work towards the summer.
MONTH_WEIGHTS = [1.0, 0.78, 1.02, 1.0, 1.04, 1.06]

# code -> total for January-June 2015 (seed: 累計至6月底)
TOTALS = {
    "egate_tax_business": 92_140,
    "egate_accounting_epay": 140,
    "egate_edocs": 1_296,
    "case_inquiries": 5_548,
    "egate_joint_contract_epay": 0,
}
CASE_CHANNEL_WEIGHTS = {"onsite": 0.46, "phone": 0.38, "web": 0.11, "copy": 0.05}
# Procurement e-orders: (month, category, count), 8 in all.
EORDERS = [(1, "joint_contract", 1), (3, "joint_contract", 2), (3, "public_tender", 1),
           (4, "joint_contract", 1), (5, "joint_contract", 2), (6, "public_tender", 1)]
MEETINGS = {3: 1}  # one cross-agency liaison meeting, in March
# Website visitors: counted since the branch opened (2006-01-01); 182,443 by the end of June.
VISITORS_THROUGH_2014 = 170_200
VISITORS_2015 = [2_031, 1_788, 2_164, 2_079, 2_118, 2_063]


def _save(indicator: Indicator, agency: Agency, actor, values: dict) -> None:
    indicator_values_save(indicator=indicator, agency=agency, values=values, actor=actor)


def load(agency: Agency, actor) -> str:
    if IndicatorValue.objects.filter(agency=agency, month__year=2015).exists():
        return ""
    rng = random.Random(104)
    indicators = {i.code: i for i in Indicator.objects.prefetch_related("categories")}
    for code, total in TOTALS.items():
        indicator = indicators[code]
        categories = list(indicator.categories.all())
        per_month = split_total(total, MONTH_WEIGHTS) if total else [0] * len(MONTHS)
        values = {}
        for month, month_total in zip(MONTHS, per_month):
            if not categories:
                values[(month, None)] = month_total
                continue
            if code == "case_inquiries":
                weights = [CASE_CHANNEL_WEIGHTS[c.code] * rng.uniform(0.9, 1.1) for c in categories]
            else:
                weights = [rng.uniform(0.3, 2.0) for _ in categories]
            for category, value in zip(categories, split_total(month_total, weights)):
                values[(month, category.pk)] = value
        _save(indicator, agency, actor, values)
    eorder = indicators["egate_procurement_eorder"]
    category = {c.code: c.pk for c in eorder.categories.all()}
    _save(eorder, agency, actor, {(date(2015, m, 1), category[c]): n for m, c, n in EORDERS})
    _save(indicators["cross_agency_meetings"], agency, actor,
          {(month, None): MEETINGS.get(month.month, 0) for month in MONTHS})
    visitors = indicators["web_visitors"]
    indicator_baseline_save(indicator=visitors, agency=agency, counted_since=date(2006, 1, 1),
                            through=date(2014, 12, 31), value=VISITORS_THROUGH_2014, actor=actor)
    _save(visitors, agency, actor, {(month, None): n for month, n in zip(MONTHS, VISITORS_2015)})
    return f"{len(indicators)} indicators for 2015-01..06"

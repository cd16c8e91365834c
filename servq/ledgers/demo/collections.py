"""Demo small-amount collections for 2015-01..06, imported through the real import.

The seed: 19,936 convenience-store collections (insurance excluded) totalling NT$64,268,869
and 3,694 labour/health insurance collections (every channel) totalling NT$28,094,089.
A few hundred bank and post-office tax payments count in neither figure.
"""

import csv
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from servq.core.models import Agency
from servq.core.tabular import open_table

from ..models import Collection
from ..models.collections import SMALL_PAYMENT_LIMIT_NTD
from ..services.collections import collection_import
from .sums import skewed, values_with_sum

STORE_CASES, STORE_AMOUNT = 19_936, 64_268_869
INSURANCE_CASES, INSURANCE_AMOUNT = 3_694, 28_094_089
OTHER_CASES, OTHER_AMOUNT = 412, 3_187_540
STORE_CATEGORIES = {"income_tax": 30, "business_tax": 18, "local_tax": 22, "deed_tax": 2,
                    "estate_tax": 1, "gift_tax": 1, "fuel_fee": 14, "highway_fine": 12}
CHAINS = {"7-ELEVEN": 48, "全家": 30, "萊爾富": 12, "OK": 10}
SHORT = {"income_tax": "綜所稅", "business_tax": "營業稅", "local_tax": "地方稅", "deed_tax": "契稅",
         "estate_tax": "遺產稅", "gift_tax": "贈與稅", "fuel_fee": "燃料費", "highway_fine": "公路罰",
         "labor_insurance": "勞保", "health_insurance": "健保"}
HIGHEST = SMALL_PAYMENT_LIMIT_NTD - 1


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _rows(rng: random.Random):
    days = [date(2015, 1, 1) + timedelta(days=n) for n in range(181)]
    serial = 0

    def row(amount, channel, category, chain=""):
        nonlocal serial
        serial += 1
        return [rng.choice(days).isoformat(), channel, chain, category,
                f"104年度{SHORT[category]}執字第{serial:08d}號", amount]

    for amount in values_with_sum(rng, STORE_CASES, STORE_AMOUNT, 100, HIGHEST, skewed(3_200, 100)):
        yield row(amount, "store", _pick(rng, STORE_CATEGORIES), _pick(rng, CHAINS))
    for amount in values_with_sum(rng, INSURANCE_CASES, INSURANCE_AMOUNT, 300, HIGHEST,
                                  skewed(7_500, 300)):
        channel = _pick(rng, {"store": 62, "bank": 23, "post": 15})
        yield row(amount, channel, rng.choice(["labor_insurance", "health_insurance"]),
                  _pick(rng, CHAINS) if channel == "store" else "")
    for amount in values_with_sum(rng, OTHER_CASES, OTHER_AMOUNT, 500, HIGHEST, skewed(7_700, 500)):
        yield row(amount, rng.choice(["bank", "post"]), _pick(rng, STORE_CATEGORIES))


def load(agency: Agency, actor) -> str:
    if Collection.objects.filter(agency=agency, paid_on__year=2015).exists():
        return ""
    rng = random.Random(20_000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sly-collections-2015H1.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["paid_on", "channel", "chain", "category", "case_number", "amount"])
            writer.writerows(sorted(_rows(rng)))
        rows = collection_import(agency=agency, table=open_table(path), file_name=path.name,
                                 actor=actor)
    return f"{rows:,} collection records"

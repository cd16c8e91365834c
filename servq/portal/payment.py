"""The payment guide: where a debt under administrative enforcement can be paid.

Rules (from the seed report, 參、(一)3): a debt under NT$20,000 of the categories below can be
paid at a convenience store, each category from the date stores began taking it; health
insurance arrears under NT$20,000 also at banks and post offices. Everything can be paid at
the branch's cashier counter or by bank or post-office remittance to the account on the
payment notice. A debtor who cannot pay at once asks the section clerk for instalments.
The seed lists estate and gift tax among store payments without a start date: `store_from`
None means "no start date on record", which the guide does not hold against the citizen.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

STORE_LIMIT_NTD = 20_000  # "under NT$20,000": 19,999 can be paid at a store, 20,000 cannot


@dataclass(frozen=True)
class DebtCategory:
    code: str
    label: str
    store_from: date | None
    store_eligible: bool = True
    bank_and_post_office: bool = False  # under the limit also at banks and post offices


TAX_2008 = date(2008, 6, 1)
CATEGORIES = [
    DebtCategory("income_tax", _("綜合所得稅"), TAX_2008),
    DebtCategory("business_tax", _("營業稅"), TAX_2008),
    DebtCategory("license_tax", _("使用牌照稅"), TAX_2008),
    DebtCategory("house_tax", _("房屋稅"), TAX_2008),
    DebtCategory("land_value_tax", _("地價稅"), TAX_2008),
    DebtCategory("land_increment_tax", _("土地增值稅"), TAX_2008),
    DebtCategory("stamp_tax", _("印花稅"), TAX_2008),
    DebtCategory("amusement_tax", _("娛樂稅"), TAX_2008),
    DebtCategory("deed_tax", _("契稅"), TAX_2008),
    DebtCategory("estate_tax", _("遺產稅"), None),
    DebtCategory("gift_tax", _("贈與稅"), None),
    DebtCategory("fuel_fee", _("汽車燃料使用費"), date(2010, 1, 1)),
    DebtCategory("highway_fine", _("公路罰鍰"), date(2010, 1, 1)),
    DebtCategory("health_insurance", _("全民健康保險費"), date(2010, 8, 25),
                 bank_and_post_office=True),
    DebtCategory("labour_insurance", _("勞工保險費"), date(2012, 1, 10)),
    DebtCategory("traffic_fine", _("交通違規罰鍰（監理機關移送）"), None, store_eligible=False),
    DebtCategory("other_fine", _("其他行政罰鍰或規費"), None, store_eligible=False),
]
BY_CODE = {category.code: category for category in CATEGORIES}


class Channel:
    STORE = "store"
    BANK_POST = "bank_post"  # banks and post offices take the notice's barcode directly
    REMITTANCE = "remittance"  # transfer to the account printed on the payment notice
    COUNTER = "counter"  # the branch's cashier counter (開單櫃檯)


@dataclass(frozen=True)
class PaymentAdvice:
    category: DebtCategory
    amount: int
    channels: tuple[str, ...]
    store_refusal: str  # why not at a store ("" when a store takes it)
    instalments: bool  # show how to ask for instalments


def payment_advice(*, amount: int, category_code: str, on: date,
                   cannot_pay_at_once: bool = False) -> PaymentAdvice:
    """Where a debt of `amount` NT$ of `category_code` can be paid on day `on`."""
    if amount <= 0:
        raise ValueError("amount must be positive")
    category = BY_CODE[category_code]
    refusal = ""
    if not category.store_eligible:
        refusal = "category"
    elif amount >= STORE_LIMIT_NTD:
        refusal = "amount"
    elif category.store_from is not None and on < category.store_from:
        refusal = "not_yet"
    channels = []
    if not refusal:
        channels.append(Channel.STORE)
        if category.bank_and_post_office:
            channels.append(Channel.BANK_POST)
    channels += [Channel.REMITTANCE, Channel.COUNTER]
    return PaymentAdvice(
        category=category, amount=amount, channels=tuple(channels), store_refusal=refusal,
        instalments=cannot_pay_at_once or amount >= STORE_LIMIT_NTD,
    )

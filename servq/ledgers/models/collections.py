"""Small-amount collections (超商代收, 勞健保代收): debts under NT$20,000 paid at a convenience
store, a bank or a post office, imported from the collecting channels' files.

A per-month × category × channel tally is kept in the same transaction as every change to the
records, so a year's figures read a few hundred rows instead of a million.
"""

from django.db import models
from django.db.models import Q

from servq.core.models import Agency, ImportBatch
from servq.core.roc_dates import roc_date_short

# Debts under this amount may be paid at a convenience store (未滿2萬元); larger ones may not.
SMALL_PAYMENT_LIMIT_NTD = 20_000


class Channel(models.TextChoices):
    STORE = "store", "便利商店"
    BANK = "bank", "金融機構"
    POST = "post", "郵局"


class Category(models.TextChoices):
    INCOME_TAX = "income_tax", "綜合所得稅"
    BUSINESS_TAX = "business_tax", "營業稅"
    LOCAL_TAX = "local_tax", "地方稅（牌照稅、房屋稅、地價稅等）"
    DEED_TAX = "deed_tax", "契稅"
    ESTATE_TAX = "estate_tax", "遺產稅"
    GIFT_TAX = "gift_tax", "贈與稅"
    FUEL_FEE = "fuel_fee", "汽車燃料使用費"
    HIGHWAY_FINE = "highway_fine", "公路罰鍰"
    LABOR_INSURANCE = "labor_insurance", "勞保"
    HEALTH_INSURANCE = "health_insurance", "健保"


INSURANCE_CATEGORIES = (Category.LABOR_INSURANCE, Category.HEALTH_INSURANCE)


class Collection(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", db_index=False)
    batch = models.ForeignKey(ImportBatch, verbose_name="匯入批次", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    paid_on = models.DateField("繳款日")
    channel = models.CharField("代收管道", max_length=10, choices=Channel.choices)
    chain = models.CharField("超商／機構名稱", max_length=20, blank=True)
    category = models.CharField("案款類別", max_length=20, choices=Category.choices)
    case_number = models.CharField("案號", max_length=40)
    amount = models.PositiveIntegerField("金額（元）")

    class Meta:
        verbose_name = "代收案款"
        verbose_name_plural = "代收案款"
        ordering = ["-paid_on", "-pk"]
        indexes = [models.Index(fields=["agency", "paid_on"], name="collection_agency_day")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0, amount__lt=SMALL_PAYMENT_LIMIT_NTD),
                name="collection_amount_small"),
        ]

    def __str__(self):
        return f"{roc_date_short(self.paid_on)} {self.case_number} {self.amount:,}元"


class CollectionTally(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    month = models.DateField("月份")
    category = models.CharField(max_length=20, choices=Category.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    cases = models.PositiveIntegerField(default=0)
    amount = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "代收案款月統計"
        verbose_name_plural = "代收案款月統計"
        constraints = [
            models.UniqueConstraint(fields=["agency", "month", "category", "channel"],
                                    name="collection_tally_cell"),
        ]

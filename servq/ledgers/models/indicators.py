"""Monthly indicators: one definition per counter, values per agency × month × category.

The e-gateway counts, case inquiries by channel, website updates and visitors, cross-agency
meetings ... are all indicators: an office records a number per month (and category), and the
report sums them over a period. A running-total indicator (website visitors since the site
opened) adds a baseline — the total up to a given day — to the monthly values after it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from servq.core.models import Agency, Unit

from ..figure_keys import LEDGER_FIGURE_KEYS

figure_code = RegexValidator(r"^[a-z][a-z0-9_]*$", "只能使用小寫英文字母、數字與底線，並以字母開頭。")


class IndicatorQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Indicator(models.Model):
    class Kind(models.TextChoices):
        MONTHLY = "monthly", "每月數值（期間加總）"
        RUNNING_TOTAL = "running_total", "累計總數（起算值加其後每月數值）"

    code = models.CharField("代碼", max_length=40, unique=True, validators=[figure_code],
                            help_text="報告數據的名稱，例如 egate_edocs")
    name = models.CharField("名稱", max_length=100)
    unit = models.CharField("單位", max_length=10, default="件")
    office = models.CharField("負責單位", max_length=20, choices=Unit.Function.choices)
    kind = models.CharField("計算方式", max_length=20, choices=Kind.choices, default=Kind.MONTHLY)
    allows_tally = models.BooleanField("服務台可即時計數", default=False)
    description = models.TextField("說明", blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)
    is_active = models.BooleanField("使用中", default=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = "每月統計項目"
        verbose_name_plural = "每月統計項目"
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.code in LEDGER_FIGURE_KEYS:
            raise ValidationError({"code": f"「{self.code}」已是其他紀錄的報告數據名稱，請換一個代碼。"})

    @property
    def is_running_total(self) -> bool:
        return self.kind == self.Kind.RUNNING_TOTAL


class IndicatorCategory(models.Model):
    """A column of the indicator's grid (a channel, an e-gateway item). None: a single value."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="categories")
    code = models.CharField("代碼", max_length=40, validators=[figure_code])
    name = models.CharField("名稱", max_length=60)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)
    is_active = models.BooleanField("使用中", default=True)

    class Meta:
        verbose_name = "統計分類"
        verbose_name_plural = "統計分類"
        ordering = ["indicator", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "code"], name="indicator_category_code"),
        ]

    def __str__(self):
        return f"{self.indicator.name}：{self.name}"


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    month = models.DateField("月份")  # the first day of the month
    category = models.ForeignKey(IndicatorCategory, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="values")
    value = models.PositiveBigIntegerField("數值")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField("更新時間", auto_now=True)

    class Meta:
        verbose_name = "每月統計數值"
        verbose_name_plural = "每月統計數值"
        constraints = [
            models.UniqueConstraint(fields=["indicator", "agency", "month", "category"],
                                    condition=models.Q(category__isnull=False),
                                    name="indicator_value_cell"),
            models.UniqueConstraint(fields=["indicator", "agency", "month"],
                                    condition=models.Q(category__isnull=True),
                                    name="indicator_value_cell_uncategorised"),
        ]
        indexes = [models.Index(fields=["agency", "month"], name="indicator_value_agency_month")]

    def __str__(self):
        return f"{self.indicator.code} {self.month:%Y-%m} {self.value}"


class IndicatorBaseline(models.Model):
    """For a running total: everything counted from `counted_since` through `through`."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="baselines")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    counted_since = models.DateField("起算日")
    through = models.DateField("累計至", help_text="月底；其後各月的數值加在此累計數之上")
    value = models.PositiveBigIntegerField("累計數")
    note = models.CharField("說明", max_length=200, blank=True)

    class Meta:
        verbose_name = "累計起算值"
        verbose_name_plural = "累計起算值"
        ordering = ["indicator", "agency", "-through"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "agency", "through"],
                                    name="indicator_baseline_once"),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.agency.short_name} 至 {self.through} {self.value}"

    def clean(self):
        from servq.core.periods import month_end

        if self.through and self.through != month_end(self.through.year, self.through.month):
            raise ValidationError({"through": "累計至的日期必須是月底。"})
        if self.through and self.counted_since and self.counted_since > self.through:
            raise ValidationError({"counted_since": "起算日不能晚於累計至的日期。"})

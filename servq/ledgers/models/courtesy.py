"""Telephone courtesy tests (電話禮貌測試): a tester calls a staff member and scores the call.

The branch tests its own staff (monthly, four people a time) and HQ tests the branch (monthly,
one person); both are recorded here. A test's total is the sum of its item scores; the period's
average is rated by configurable bands (優等 from 90, then 甲等, 乙等, 丙等).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from servq.core.models import Agency, StaffMember
from servq.core.roc_dates import roc_date_short


class CourtesyItem(models.Model):
    """One scored aspect of a call (greeting, tone, ...); the items' maxima usually sum to 100."""

    code = models.SlugField("代碼", max_length=30, unique=True)
    name = models.CharField("評分項目", max_length=60)
    max_score = models.PositiveSmallIntegerField("配分")
    sort_order = models.PositiveSmallIntegerField("排序", default=0)
    is_active = models.BooleanField("使用中", default=True)

    class Meta:
        verbose_name = "電話禮貌評分項目"
        verbose_name_plural = "電話禮貌評分項目"
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.name}（{self.max_score}分）"


class CourtesyRatingBand(models.Model):
    """An average of at least `min_score` earns `label` (the highest band reached wins)."""

    label = models.CharField("評等", max_length=10, unique=True)
    min_score = models.DecimalField("最低平均分數", max_digits=4, decimal_places=1, unique=True)

    class Meta:
        verbose_name = "電話禮貌評等"
        verbose_name_plural = "電話禮貌評等"
        ordering = ["-min_score"]

    def __str__(self):
        return f"{self.label}（{self.min_score}分以上）"


class CourtesyTest(models.Model):
    class Source(models.TextChoices):
        SELF = "self", "本分署自行測試"
        HQ = "hq", "行政執行署測試"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    source = models.CharField("測試單位", max_length=10, choices=Source.choices)
    tested_on = models.DateField("測試日期")
    tester = models.CharField("測試人", max_length=60)
    staff_member = models.ForeignKey(StaffMember, verbose_name="受測人員",
                                     on_delete=models.PROTECT, related_name="courtesy_tests")
    total = models.PositiveSmallIntegerField("總分")
    note = models.CharField("備註", max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "電話禮貌測試"
        verbose_name_plural = "電話禮貌測試"
        ordering = ["-tested_on", "pk"]
        indexes = [models.Index(fields=["agency", "tested_on"], name="courtesy_agency_day")]
        constraints = [models.CheckConstraint(condition=Q(total__lte=100),
                                              name="courtesy_total_max")]

    def __str__(self):
        return f"{roc_date_short(self.tested_on)} {self.staff_member.name} {self.total}分"


class CourtesyScore(models.Model):
    test = models.ForeignKey(CourtesyTest, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(CourtesyItem, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField("得分")

    class Meta:
        verbose_name = "電話禮貌項目得分"
        verbose_name_plural = "電話禮貌項目得分"
        constraints = [models.UniqueConstraint(fields=["test", "item"], name="courtesy_score_once")]

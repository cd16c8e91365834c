"""Internal trainings (內部人員教育訓練) and public-welfare or outreach activities (公益活動)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from servq.core.models import Agency
from servq.core.roc_dates import roc_date_short


class Training(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField("日期")
    topic = models.CharField("課程主題", max_length=200)
    speaker = models.CharField("講座", max_length=200)
    attendees = models.PositiveSmallIntegerField("參加人數")
    hours = models.DecimalField("時數", max_digits=4, decimal_places=1)
    invited_agencies = models.ManyToManyField(Agency, verbose_name="邀請參加之分署", blank=True,
                                              related_name="+")
    note = models.CharField("備註", max_length=200, blank=True)

    class Meta:
        verbose_name = "教育訓練"
        verbose_name_plural = "教育訓練"
        ordering = ["-held_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(hours__gt=0),
                                              name="training_hours_positive")]

    def __str__(self):
        return f"{roc_date_short(self.held_on)} {self.topic}"


class PublicWelfareActivity(models.Model):
    """An activity on a day, or over a month or several (e.g. weekly neighbourhood cleaning)."""

    class DatedBy(models.TextChoices):
        DAY = "day", "日期"
        MONTH = "month", "月份"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    first_day = models.DateField("起日")
    last_day = models.DateField("迄日")
    dated_by = models.CharField("日期精確度", max_length=5, choices=DatedBy.choices,
                                default=DatedBy.DAY)
    title = models.CharField("活動名稱", max_length=200)
    partner = models.CharField("合作單位", max_length=100, blank=True)
    participants = models.PositiveIntegerField("參加人數", null=True, blank=True)
    person_hours = models.PositiveIntegerField("人次／小時", null=True, blank=True)
    donors = models.PositiveIntegerField("捐血人數", null=True, blank=True)
    bags = models.PositiveIntegerField("捐血袋數", null=True, blank=True)
    cc = models.PositiveIntegerField("捐血量（c.c.）", null=True, blank=True)
    note = models.CharField("備註", max_length=200, blank=True)

    class Meta:
        verbose_name = "公益活動"
        verbose_name_plural = "公益活動"
        ordering = ["-first_day", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(last_day__gte=F("first_day")),
                                   name="welfare_dates_ordered"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": "迄日不能早於起日。"})

    @property
    def when(self) -> str:
        """2015-02-05, 2015-02, or 2015-01..2015-06 (as the seed's lists write them)."""
        if self.dated_by == self.DatedBy.DAY:
            if self.first_day == self.last_day:
                return self.first_day.isoformat()
            return f"{self.first_day.isoformat()}..{self.last_day.isoformat()}"
        first, last = f"{self.first_day:%Y-%m}", f"{self.last_day:%Y-%m}"
        return first if first == last else f"{first}..{last}"

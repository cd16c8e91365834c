"""Execution-attitude reviews (執行態度考核): each month a committee of three (the heads of the
secretariat, personnel and ethics offices) scores every enforcement officer.

Items: service attitude, attendance and citizens' impressions (the committee's), the officer's
supervisor's assessment (recorded by the committee) and the director's assessment. Each item
is scored 0-100 with the baseline (75 as a rule) as the ordinary score; an item below the
baseline needs a written reason. The total is the mean of the five items, half-up to one decimal.
A month goes draft → submitted (by the committee) → approved (by the director); the approved
ranking is posted, its first place goes on the intranet honour roll, and it is sent to HQ.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from servq.core.models import Agency, StaffMember
from servq.core.roc_dates import roc_month_range

DEFAULT_BASELINE = 75


class AttitudeItem(models.TextChoices):
    SERVICE_ATTITUDE = "service_attitude", "為民服務態度"
    ATTENDANCE = "attendance", "差勤情形"
    PUBLIC_IMPRESSION = "public_impression", "洽公民眾觀感"
    SUPERVISOR = "supervisor", "行政執行官考評"
    DIRECTOR = "director", "分署長考評"


COMMITTEE_ITEMS = [AttitudeItem.SERVICE_ATTITUDE, AttitudeItem.ATTENDANCE,
                   AttitudeItem.PUBLIC_IMPRESSION, AttitudeItem.SUPERVISOR]
DIRECTOR_ITEMS = [AttitudeItem.DIRECTOR]
COMMITTEE_SIZE = 3


class AttitudeReview(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "考核小組評分中"
        SUBMITTED = "submitted", "已送分署長核定"
        APPROVED = "approved", "分署長已核定"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    month = models.DateField("考核月份")  # first day of the month
    baseline = models.PositiveSmallIntegerField("基準分", default=DEFAULT_BASELINE)
    status = models.CharField("狀態", max_length=10, choices=Status.choices, default=Status.DRAFT)
    committee = models.ManyToManyField(StaffMember, verbose_name="考核小組", related_name="+")
    submitted_at = models.DateTimeField("送核時間", null=True, blank=True)
    approved_at = models.DateTimeField("核定時間", null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    returned_reason = models.CharField("退回理由", max_length=300, blank=True)

    class Meta:
        verbose_name = "執行態度考核（月）"
        verbose_name_plural = "執行態度考核（月）"
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "month"], name="attitude_review_month"),
            models.CheckConstraint(condition=Q(baseline__lte=100), name="attitude_baseline_max"),
        ]

    def __str__(self):
        return f"{self.agency.short_name} {roc_month_range(self.month, self.month)} 執行態度考核"

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class AttitudeAssessment(models.Model):
    review = models.ForeignKey(AttitudeReview, on_delete=models.CASCADE,
                               related_name="assessments")
    officer = models.ForeignKey(StaffMember, verbose_name="受考核人員", on_delete=models.PROTECT,
                                related_name="attitude_assessments")
    service_attitude = models.PositiveSmallIntegerField(AttitudeItem.SERVICE_ATTITUDE.label)
    attendance = models.PositiveSmallIntegerField(AttitudeItem.ATTENDANCE.label)
    public_impression = models.PositiveSmallIntegerField(AttitudeItem.PUBLIC_IMPRESSION.label)
    supervisor = models.PositiveSmallIntegerField(AttitudeItem.SUPERVISOR.label)
    director = models.PositiveSmallIntegerField(AttitudeItem.DIRECTOR.label)
    total = models.DecimalField("總分", max_digits=4, decimal_places=1)
    note = models.CharField("事由", max_length=300, blank=True)

    class Meta:
        verbose_name = "執行態度考核成績"
        verbose_name_plural = "執行態度考核成績"
        ordering = ["-total", "officer__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["review", "officer"], name="attitude_officer_once"),
            models.CheckConstraint(
                condition=Q(service_attitude__lte=100, attendance__lte=100,
                            public_impression__lte=100, supervisor__lte=100, director__lte=100),
                name="attitude_scores_max"),
        ]

    def __str__(self):
        return f"{self.officer.name} {self.total}"

    def scores(self) -> dict[str, int]:
        return {item.value: getattr(self, item.value) for item in AttitudeItem}

"""Lunchtime duty (午休不打烊, 12:30-13:30): staff take turns at the front desk over lunch.

A roster assigns staff to working days in rotation; after each shift the duty is logged with
the people served by purpose (inquiry, billing, payment) and the overtime hours, which are paid
at the hourly rate in force that day (the rate is copied onto the log so history stays put).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from servq.core.models import Agency, StaffMember
from servq.core.roc_dates import roc_date_short


class LunchDutyRate(models.Model):
    effective_from = models.DateField("生效日", unique=True)
    ntd_per_hour = models.PositiveIntegerField("加班費（元／小時）")
    hours_per_shift = models.DecimalField("每班時數", max_digits=3, decimal_places=1, default=1)

    class Meta:
        verbose_name = "午休輪值加班費率"
        verbose_name_plural = "午休輪值加班費率"
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{roc_date_short(self.effective_from)}起 {self.ntd_per_hour} 元／小時"


class LunchDutyQuerySet(models.QuerySet):
    def logged(self):
        return self.filter(logged_at__isnull=False)


class LunchDuty(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    day = models.DateField("日期")
    staff_member = models.ForeignKey(StaffMember, verbose_name="輪值人員", on_delete=models.PROTECT,
                                     related_name="lunch_duties")
    served_inquiry = models.PositiveSmallIntegerField("諮詢查詢（人次）", default=0)
    served_billing = models.PositiveSmallIntegerField("開單（人次）", default=0)
    served_payment = models.PositiveSmallIntegerField("繳款（人次）", default=0)
    hours = models.DecimalField("加班時數", max_digits=3, decimal_places=1, null=True, blank=True)
    rate_ntd = models.PositiveIntegerField("費率（元／小時）", null=True, blank=True)
    note = models.CharField("備註", max_length=200, blank=True)
    logged_at = models.DateTimeField("登錄時間", null=True, blank=True)
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    objects = LunchDutyQuerySet.as_manager()

    class Meta:
        verbose_name = "午休輪值"
        verbose_name_plural = "午休輪值"
        ordering = ["day", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "day", "staff_member"],
                                    name="lunch_duty_once_a_day"),
            models.CheckConstraint(condition=Q(logged_at__isnull=True) | Q(hours__isnull=False,
                                                                           rate_ntd__isnull=False),
                                   name="lunch_duty_logged_has_hours"),
        ]
        indexes = [models.Index(fields=["agency", "day"], name="lunch_duty_agency_day")]

    def __str__(self):
        return f"{roc_date_short(self.day)} {self.staff_member.name}"

    @property
    def served(self) -> int:
        return self.served_inquiry + self.served_billing + self.served_payment

    @property
    def is_logged(self) -> bool:
        return self.logged_at is not None

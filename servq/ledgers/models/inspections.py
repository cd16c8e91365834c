"""Facility inspections (為民服務設施巡查): enforcement officers and unit heads take weekly turns
inspecting the public facilities against a checklist; defects are sent for repair and closed
when fixed."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from servq.core.models import Agency, StaffMember
from servq.core.roc_dates import roc_date_short


class Facility(models.Model):
    """An item of the checklist (飲水機, 無障礙廁所, ...)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    name = models.CharField("設施", max_length=60)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)
    is_active = models.BooleanField("使用中", default=True)

    class Meta:
        verbose_name = "為民服務設施"
        verbose_name_plural = "為民服務設施"
        ordering = ["agency", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="facility_name")]

    def __str__(self):
        return self.name


class InspectionRota(models.Model):
    """Who inspects in the week starting `week_start` (a Monday)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    week_start = models.DateField("週次（週一）")
    inspector = models.ForeignKey(StaffMember, verbose_name="輪值巡查人員",
                                  on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "巡查輪值"
        verbose_name_plural = "巡查輪值"
        ordering = ["week_start"]
        constraints = [models.UniqueConstraint(fields=["agency", "week_start"], name="rota_week")]

    def __str__(self):
        return f"{roc_date_short(self.week_start)}起一週 {self.inspector.name}"


class FacilityInspection(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    inspected_on = models.DateField("巡查日期")
    inspector = models.ForeignKey(StaffMember, verbose_name="巡查人員", on_delete=models.PROTECT,
                                  related_name="+")
    # The checklist as it was ticked; the number checked is counted, never stored.
    facilities = models.ManyToManyField(Facility, verbose_name="巡查設施", blank=True,
                                        through="InspectionChecklistItem", related_name="+")
    note = models.CharField("備註", max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "設施巡查"
        verbose_name_plural = "設施巡查"
        ordering = ["-inspected_on", "-pk"]

    def __str__(self):
        return f"{roc_date_short(self.inspected_on)} {self.inspector.name}"


class InspectionChecklistItem(models.Model):
    """A facility ticked on an inspection's checklist. A facility once inspected is kept (made
    inactive, not deleted), so past inspections keep what they checked."""

    inspection = models.ForeignKey(FacilityInspection, on_delete=models.CASCADE, related_name="+")
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "巡查檢查項目"
        verbose_name_plural = "巡查檢查項目"
        constraints = [models.UniqueConstraint(fields=["inspection", "facility"],
                                               name="checklist_item_once")]


class InspectionFinding(models.Model):
    inspection = models.ForeignKey(FacilityInspection, verbose_name="巡查", on_delete=models.CASCADE,
                                   related_name="findings")
    facility = models.ForeignKey(Facility, verbose_name="設施", on_delete=models.PROTECT,
                                 related_name="+")
    defect = models.CharField("缺失情形", max_length=300)
    repair_requested_on = models.DateField("送修日期", null=True, blank=True)
    fixed_on = models.DateField("修復日期", null=True, blank=True)

    class Meta:
        verbose_name = "巡查缺失"
        verbose_name_plural = "巡查缺失"
        ordering = ["-inspection__inspected_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fixed_on__isnull=True) | Q(repair_requested_on__isnull=True)
                | Q(fixed_on__gte=F("repair_requested_on")),
                name="finding_fixed_after_request"),
        ]

    def __str__(self):
        return f"{self.facility.name}：{self.defect}"

    def clean(self):
        if self.fixed_on and self.repair_requested_on and self.fixed_on < self.repair_requested_on:
            raise ValidationError({"fixed_on": "修復日期不能早於送修日期。"})

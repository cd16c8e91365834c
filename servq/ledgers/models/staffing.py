"""Staff that transferring agencies (移送機關) station at a branch to serve its visitors."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from servq.core.models import Agency


class TransferringAgency(models.Model):
    """An agency that transfers cases for enforcement (財政部臺北國稅局, 勞工保險局, ...)."""

    name = models.CharField("名稱", max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "移送機關"
        verbose_name_plural = "移送機關"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class StationedStaffQuerySet(models.QuerySet):
    def on(self, day):
        """Postings in force on `day`."""
        return self.filter(Q(to_date__isnull=True) | Q(to_date__gte=day), from_date__lte=day)


class StationedStaff(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    sending_agency = models.ForeignKey(TransferringAgency, verbose_name="移送機關",
                                       on_delete=models.PROTECT, related_name="postings")
    headcount = models.PositiveSmallIntegerField("派駐人數")
    from_date = models.DateField("派駐起日")
    to_date = models.DateField("派駐迄日", null=True, blank=True, help_text="仍派駐中請留空")
    note = models.CharField("備註", max_length=200, blank=True)

    objects = StationedStaffQuerySet.as_manager()

    class Meta:
        verbose_name = "移送機關派駐人員"
        verbose_name_plural = "移送機關派駐人員"
        ordering = ["sending_agency__sort_order", "-from_date"]
        constraints = [
            models.CheckConstraint(condition=Q(headcount__gt=0),
                                   name="stationed_headcount_positive"),
            models.CheckConstraint(
                condition=Q(to_date__isnull=True) | Q(to_date__gte=models.F("from_date")),
                name="stationed_dates_ordered"),
        ]

    def __str__(self):
        return f"{self.sending_agency} {self.headcount} 人"

    def clean(self):
        if self.to_date and self.from_date and self.to_date < self.from_date:
            raise ValidationError({"to_date": "迄日不能早於起日。"})

"""The external links on an agency's website (相關網站連結) and the runs that check them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from servq.core.models import Agency
from servq.core.roc_dates import roc_date_short


class WebLink(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    title = models.CharField("網站名稱", max_length=100)
    url = models.URLField("網址", max_length=500)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)
    is_active = models.BooleanField("刊登中", default=True)

    class Meta:
        verbose_name = "相關網站連結"
        verbose_name_plural = "相關網站連結"
        ordering = ["agency", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "url"], name="weblink_url_once")]

    def __str__(self):
        return self.title


class LinkCheckRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "檢測中"
        FINISHED = "finished", "已完成"
        ABANDONED = "abandoned", "中斷"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    status = models.CharField("狀態", max_length=10, choices=Status.choices,
                              default=Status.RUNNING)
    started_at = models.DateTimeField("開始時間")
    finished_at = models.DateTimeField("完成時間", null=True, blank=True)
    checked = models.PositiveIntegerField("檢測數", default=0)
    healthy = models.PositiveIntegerField("正常", default=0)
    broken = models.PositiveIntegerField("失效", default=0)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "連結檢測"
        verbose_name_plural = "連結檢測"
        ordering = ["-started_at", "-pk"]
        constraints = [
            # One run at a time per agency: a second worker's claim fails on this index.
            models.UniqueConstraint(fields=["agency"], condition=Q(status="running"),
                                    name="linkcheck_one_running_run"),
        ]
        indexes = [models.Index(fields=["agency", "finished_at"], name="linkcheck_agency_done")]

    def __str__(self):
        started = timezone.localtime(self.started_at)
        return (f"{self.agency.short_name} {roc_date_short(started.date())} {started:%H:%M} "
                f"{self.healthy}/{self.checked}")


class LinkCheckResult(models.Model):
    run = models.ForeignKey(LinkCheckRun, on_delete=models.CASCADE, related_name="results")
    link = models.ForeignKey(WebLink, null=True, on_delete=models.SET_NULL, related_name="results")
    title = models.CharField("網站名稱", max_length=100)
    url = models.URLField("網址", max_length=500)
    ok = models.BooleanField("正常")
    status_code = models.PositiveSmallIntegerField("HTTP 狀態", null=True, blank=True)
    final_url = models.CharField("最終網址", max_length=2000, blank=True)
    elapsed_ms = models.PositiveIntegerField("耗時（毫秒）")
    error = models.CharField("錯誤", max_length=300, blank=True)

    class Meta:
        verbose_name = "連結檢測結果"
        verbose_name_plural = "連結檢測結果"
        ordering = ["run", "ok", "pk"]

    def __str__(self):
        return f"{self.url} {self.status_code or self.error}"

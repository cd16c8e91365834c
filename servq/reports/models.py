"""Report templates (versioned text) and builds (figures + files, immutable once issued)."""

from django.conf import settings
from django.db import models

from servq.core.models import Agency



class Immutable(Exception):
    """Raised on an attempt to change what may no longer change (an issued build, a version)."""


class ReportTemplate(models.Model):
    """A named report layout of one agency; its text lives in numbered, unchangeable versions."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="report_templates")
    code = models.SlugField("代碼", max_length=40)
    name = models.CharField("名稱", max_length=100)
    created_at = models.DateTimeField("建立時間", auto_now_add=True)

    class Meta:
        verbose_name = "報告範本"
        verbose_name_plural = "報告範本"
        ordering = ["agency", "code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="report_template_code_unique"),
        ]

    def __str__(self):
        return f"{self.agency.short_name}：{self.name}"

    def current_version(self) -> "TemplateVersion | None":
        return self.versions.order_by("-number").first()


class TemplateVersionQuerySet(models.QuerySet):
    """save() refuses a change, and so does a queryset update(), which bypasses save(). Django's
    deletion collector sets created_by to null through the base manager, not this one, so a
    user can still be deleted."""

    def update(self, **kwargs):
        raise Immutable("範本版本儲存後不能修改；請儲存為新版本。")


class TemplateVersion(models.Model):
    """One saved text of a template. Editing saves a new version; a build names the version it
    used, so an issued report can be rebuilt exactly."""

    template = models.ForeignKey(ReportTemplate, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField("版次")
    source = models.TextField("範本內容")
    note = models.CharField("修改說明", max_length=200, blank=True)
    reference_period = models.CharField("驗證所用期間", max_length=20)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("儲存時間", auto_now_add=True)

    objects = TemplateVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "報告範本版本"
        verbose_name_plural = "報告範本版本"
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="template_version_unique"),
        ]

    def __str__(self):
        return f"{self.template.name} 第 {self.number} 版"

    def save(self, *args, **kwargs):
        if self.pk is not None and TemplateVersion.objects.filter(pk=self.pk).exists():
            raise Immutable("範本版本儲存後不能修改；請儲存為新版本。")
        super().save(*args, **kwargs)


class ReportBuildQuerySet(models.QuerySet):
    def issued(self):
        return self.filter(issued_at__isnull=False)

    def update(self, **kwargs):
        if self.filter(issued_at__isnull=False).exists():
            raise Immutable("已發布的報告不能修改。")
        return super(ReportBuildQuerySet, self.filter(issued_at__isnull=True)).update(**kwargs)

    def delete(self):
        if self.filter(issued_at__isnull=False).exists():
            raise Immutable("已發布的報告不能刪除。")
        return super().delete()


class ReportBuild(models.Model):
    """One generation of a report: its figures, its files, the template version and the time.

    Builds are jobs: requested (queued), claimed by one worker with a conditional UPDATE
    (running), then done or failed. A done build may be issued (發布); from then on nothing of
    it changes, in the service and here in the model.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "排隊中"
        RUNNING = "running", "產生中"
        DONE = "done", "完成"
        FAILED = "failed", "失敗"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="report_builds")
    period_code = models.CharField("期間", max_length=20)
    consolidated = models.BooleanField("彙整所屬分署", default=False)
    template_version = models.ForeignKey(TemplateVersion, on_delete=models.PROTECT,
                                         related_name="builds")
    formats = models.JSONField("格式", default=list)
    title = models.CharField("報告名稱", max_length=200, blank=True)
    status = models.CharField("狀態", max_length=10, choices=Status.choices, default=Status.QUEUED,
                              db_index=True)
    progress = models.PositiveSmallIntegerField("進度（%）", default=0)
    progress_note = models.CharField("進度說明", max_length=100, blank=True)
    # The figures as JSON text, keys in the providers' order (a JSON column may reorder keys,
    # and order decides ties in rankings): the exact input of the documents.
    figures = models.TextField("數據（JSON）", blank=True)
    checks = models.JSONField("檢查警示", default=list, blank=True)
    log = models.TextField("產生紀錄", blank=True)
    error = models.TextField("錯誤", blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField("申請時間", auto_now_add=True)
    claimed_by = models.CharField("執行者", max_length=100, blank=True)
    attempts = models.PositiveSmallIntegerField("執行次數", default=0)
    started_at = models.DateTimeField("開始時間", null=True, blank=True)
    heartbeat_at = models.DateTimeField("最近回報", null=True, blank=True)
    finished_at = models.DateTimeField("完成時間", null=True, blank=True)
    issued_at = models.DateTimeField("發布時間", null=True, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    objects = ReportBuildQuerySet.as_manager()

    class Meta:
        verbose_name = "報告產製"
        verbose_name_plural = "報告產製"
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["status", "requested_at"], name="report_build_queue_idx")]

    def __str__(self):
        kind = "彙整" if self.consolidated else ""
        return f"{self.agency.short_name} {self.period_code}{kind} #{self.pk}"

    @property
    def is_issued(self) -> bool:
        return self.issued_at is not None

    def save(self, *args, **kwargs):
        if self.pk is not None and ReportBuild.objects.filter(pk=self.pk, issued_at__isnull=False).exists():
            raise Immutable("已發布的報告不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk is not None and ReportBuild.objects.filter(pk=self.pk, issued_at__isnull=False).exists():
            raise Immutable("已發布的報告不能刪除。")
        return super().delete(*args, **kwargs)


class ReportFileQuerySet(models.QuerySet):
    def _guard(self):
        if self.filter(build__issued_at__isnull=False).exists():
            raise Immutable("已發布報告的檔案不能修改或刪除。")

    def update(self, **kwargs):
        self._guard()
        return super().update(**kwargs)

    def delete(self):
        self._guard()
        return super().delete()


class ReportFile(models.Model):
    """One rendered file of a build (ODT, DOCX, PDF, HTML or JSON), kept in the database so a
    build and its files are one unit (backed up, issued and frozen together)."""

    build = models.ForeignKey(ReportBuild, on_delete=models.PROTECT, related_name="files")
    format = models.CharField("格式", max_length=10)
    content = models.BinaryField("內容")
    size = models.PositiveIntegerField("大小（位元組）")
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReportFileQuerySet.as_manager()

    class Meta:
        verbose_name = "報告檔案"
        verbose_name_plural = "報告檔案"
        ordering = ["build", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["build", "format"], name="report_file_one_per_format"),
        ]

    def __str__(self):
        return f"{self.build} {self.format}"

    def _issued(self) -> bool:
        return ReportBuild.objects.filter(pk=self.build_id, issued_at__isnull=False).exists()

    def save(self, *args, **kwargs):
        if self._issued():
            raise Immutable("已發布報告的檔案不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._issued():
            raise Immutable("已發布報告的檔案不能刪除。")
        return super().delete(*args, **kwargs)

from django.conf import settings
from django.db import models

from servq.core.models import Agency


class ApiToken(models.Model):
    """A key for one agency's system (e.g. its 公文系統). Only a hash of the secret is kept;
    the key is shown once, when created (python manage.py create_api_token)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="api_tokens")
    name = models.CharField("用途", max_length=60)
    prefix = models.CharField("識別碼", max_length=12, unique=True)
    key_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("建立時間", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("停用時間", null=True, blank=True)

    class Meta:
        verbose_name = "API 金鑰"
        verbose_name_plural = "API 金鑰"
        ordering = ["agency", "name"]

    def __str__(self):
        return f"{self.agency.short_name} {self.name}（{self.prefix}）"

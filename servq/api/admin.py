from django.contrib import admin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created with `manage.py create_api_token` (the key is shown once there);
    here they can be seen and revoked (set 停用時間)."""

    list_display = ["agency", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["agency"]
    fields = ["agency", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["agency", "name", "prefix", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False

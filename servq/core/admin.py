from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import Agency, AuditEvent, CalendarDay, ImportBatch, Membership, StaffMember, Unit

admin.site.site_header = "servq 為民服務品質管理系統"
admin.site.site_title = "servq 管理"
admin.site.index_title = "參考資料管理"


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "sort_order"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "short_name"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["agency", "code", "name", "kind", "function", "parent", "is_active"]
    list_filter = ["agency", "kind", "function", "is_active"]
    search_fields = ["code", "name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["agency"]
    raw_id_fields = ["unit"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class ServqUserAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "agency", "unit", "role", "is_active"]
    list_filter = ["agency", "role", "is_active"]
    search_fields = ["user__username", "user__last_name", "user__first_name"]
    raw_id_fields = ["user", "unit"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail can be read, never edited or deleted."""

    list_display = ["at", "actor_name", "action", "agency", "target_type", "target_id",
                    "ip_address"]
    list_filter = ["action", "agency"]
    search_fields = ["actor_name", "target_id", "action"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["day", "is_workday", "name", "agency"]
    list_filter = ["is_workday", "agency"]
    date_hierarchy = "day"


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["imported_at", "agency", "kind", "file_name", "rows", "imported_by"]
    list_filter = ["kind", "agency"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(StaffMember)
class StaffMemberAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "agency", "unit", "is_enforcement_officer", "is_active"]
    list_filter = ["agency", "is_enforcement_officer", "is_active"]
    search_fields = ["name", "title"]
    raw_id_fields = ["user"]

"""Reference data in the admin. Petitions appear read-only and WITHOUT personal data, content
or attachments: the admin bypasses access.py, and administrators get no personal data.
ReporterIdentity is deliberately not registered (whistleblower protection)."""

from django.contrib import admin

from .models import Category, DeadlineRule, NewsReport, Petition, PressRelease, RoutingRule


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en", "is_public", "is_active", "sort_order"]


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    list_display = ["agency", "category", "days", "day_kind"]
    list_filter = ["agency", "day_kind"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ["agency", "category", "channel", "target", "unit", "priority", "is_active"]
    list_filter = ["agency", "target", "is_active"]
    raw_id_fields = ["unit"]


@admin.register(Petition)
class PetitionAdmin(admin.ModelAdmin):
    """Bookkeeping only: numbers, dates, status. Everything personal is left out."""

    SAFE_FIELDS = ["number", "agency", "year", "serial", "channel", "category", "received_on",
                   "due_on", "status", "replied_on", "closed_on", "not_processed_reason",
                   "import_batch"]
    list_display = ["number", "agency", "channel", "category", "received_on", "due_on", "status"]
    list_filter = ["agency", "channel", "status"]
    search_fields = ["number"]
    fields = SAFE_FIELDS
    readonly_fields = SAFE_FIELDS

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NewsReport)
class NewsReportAdmin(admin.ModelAdmin):
    list_display = ["agency", "published_on", "outlet", "subject"]
    list_filter = ["agency"]
    date_hierarchy = "published_on"


@admin.register(PressRelease)
class PressReleaseAdmin(admin.ModelAdmin):
    list_display = ["agency", "issued_on", "title"]
    list_filter = ["agency"]
    date_hierarchy = "issued_on"

from django.contrib import admin

from .models import ReportBuild, ReportTemplate, TemplateVersion


class TemplateVersionInline(admin.TabularInline):
    model = TemplateVersion
    fields = ["number", "note", "reference_period", "created_by", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReportTemplate)
class ReportTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "agency"]
    list_filter = ["agency"]
    inlines = [TemplateVersionInline]


@admin.register(ReportBuild)
class ReportBuildAdmin(admin.ModelAdmin):
    """Read-only: builds are made and issued through servq, never edited by hand."""

    list_display = ["__str__", "status", "requested_at", "issued_at"]
    list_filter = ["status", "agency"]
    exclude = ["figures"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .audit import reason_for
from .login import AdminLoginForm
from .memberships import SELF_GRANT, membership_delete, membership_save
from .models import Agency, AuditEvent, CalendarDay, ImportBatch, Membership, StaffMember, Unit

admin.site.site_header = "servq 為民服務品質管理系統"
admin.site.site_title = "servq 管理"
admin.site.index_title = "參考資料管理"
admin.site.login_form = AdminLoginForm  # failed logins throttled, as on the staff site


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


class MembershipForm(forms.ModelForm):
    """Refuses a role granted or changed for the administrator at work (memberships.py)."""

    acting_user = None  # set on the per-request form class by the admin below

    def clean(self):
        cleaned = super().clean()
        user = cleaned["user"] if "user" in cleaned else (
            self.instance.user if self.instance.user_id else None)
        if (self.acting_user is not None and user is not None and self.has_changed()
                and user.pk == self.acting_user.pk and not cleaned.get("DELETE")):
            raise forms.ValidationError(SELF_GRANT, code="self_grant")
        return cleaned


class MembershipInline(admin.TabularInline):
    model = Membership
    form = MembershipForm
    extra = 0
    autocomplete_fields = ["agency"]
    raw_id_fields = ["unit"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.acting_user = request.user
        return formset


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class ServqUserAdmin(UserAdmin):
    inlines = [MembershipInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        memberships = formset.save(commit=False)
        for membership in formset.deleted_objects:
            membership_delete(membership=membership, actor=request.user, request=request)
        for membership in memberships:
            membership_save(membership=membership, actor=request.user, request=request)
        formset.save_m2m()


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Every grant, change and withdrawal is audited; nobody grants themselves a role."""

    form = MembershipForm
    list_display = ["user", "agency", "unit", "role", "is_active"]
    list_filter = ["agency", "role", "is_active"]
    search_fields = ["user__username", "user__last_name", "user__first_name"]
    raw_id_fields = ["user", "unit"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.acting_user = request.user
        return form

    def save_model(self, request, obj, form, change):
        membership_save(membership=obj, actor=request.user, request=request)

    def delete_model(self, request, obj):
        membership_delete(membership=obj, actor=request.user, request=request)

    def delete_queryset(self, request, queryset):
        for membership in queryset.select_related("user", "unit", "agency"):
            membership_delete(membership=membership, actor=request.user, request=request)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail can be read, never edited or deleted. A whistleblower reveal's
    reason stays hidden here (audit.reason_for: the ethics office reads it on its audit page)."""

    list_display = ["at", "actor_name", "action", "agency", "target_type", "target_id",
                    "ip_address"]
    list_filter = ["action", "agency"]
    search_fields = ["actor_name", "target_id", "action"]
    date_hierarchy = "at"
    exclude = ["reason"]
    readonly_fields = ["reason_shown"]

    @admin.display(description="事由")
    def reason_shown(self, event):
        shown = reason_for(None, event)
        return "（僅政風室可見）" if shown is None else shown

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

"""Questionnaires and scales are reference data, kept in the admin. Responses are not edited
here: they change only through the services, which keep the tallies."""

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import Question, QuestionGroup, Questionnaire, Scale, ScaleOption
from .services import questionnaire_new_version


class ScaleOptionInline(admin.TabularInline):
    """Once a scale has answers its options' codes and top-two flags are fixed, and none are
    added or removed (models.ANSWERED_SCALE); labels and paper keys stay editable."""

    model = ScaleOption
    extra = 0

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_answered:
            return ["code", "is_top_two"]
        return []

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not (obj and obj.is_answered)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_answered)


@admin.register(Scale)
class ScaleAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind"]
    inlines = [ScaleOptionInline]

    def get_readonly_fields(self, request, obj=None):
        return ["code", "kind"] if obj is not None and obj.is_answered else []


class QuestionGroupInline(admin.TabularInline):
    model = QuestionGroup
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["code", "version", "title", "agency", "effective_from", "effective_until",
                    "replaces"]
    list_filter = ["code", "agency"]
    inlines = [QuestionGroupInline]
    actions = ["new_version"]

    @admin.action(description="建立新版本（複製題目，自下個月1日起適用）")
    def new_version(self, request, queryset):
        today = timezone.localdate()
        start = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
        for questionnaire in queryset:
            try:
                created = questionnaire_new_version(previous=questionnaire, effective_from=start)
            except ValidationError as error:
                self.message_user(request, f"{questionnaire}：{'；'.join(error.messages)}",
                                  messages.ERROR)
            else:
                self.message_user(request, f"已建立「{created}」，{start} 起適用；請在開始前修改題目。")


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "questionnaire", "group", "scale", "is_overall", "order"]
    list_filter = ["questionnaire", "scale"]
    search_fields = ["code", "text"]

    def get_readonly_fields(self, request, obj=None):
        # statistics match answers by code: fixed once the version has answers
        if obj is not None and obj.questionnaire.is_answered:
            return ["questionnaire", "code", "scale"]
        return []

"""Reference data of the ledgers: indicator definitions, courtesy items and bands, the lunch
duty rate, transferring agencies and the facilities checklist. Records are kept on the staff
screens, not here."""

from django.contrib import admin

from .models import (CourtesyItem, CourtesyRatingBand, Facility, Indicator, IndicatorBaseline,
                     IndicatorCategory, LunchDutyRate, TransferringAgency)


class IndicatorCategoryInline(admin.TabularInline):
    model = IndicatorCategory
    extra = 1
    fields = ["code", "name", "sort_order", "is_active"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "office", "kind", "allows_tally", "is_active",
                    "sort_order"]
    list_filter = ["office", "kind", "is_active"]
    search_fields = ["code", "name"]
    inlines = [IndicatorCategoryInline]

    def get_readonly_fields(self, request, obj=None):
        # The code names the report figure; renaming it would break report templates.
        return ["code"] if obj is not None else []


@admin.register(IndicatorBaseline)
class IndicatorBaselineAdmin(admin.ModelAdmin):
    list_display = ["indicator", "agency", "counted_since", "through", "value"]
    list_filter = ["indicator", "agency"]


@admin.register(CourtesyItem)
class CourtesyItemAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "max_score", "sort_order", "is_active"]


@admin.register(CourtesyRatingBand)
class CourtesyRatingBandAdmin(admin.ModelAdmin):
    list_display = ["label", "min_score"]


@admin.register(LunchDutyRate)
class LunchDutyRateAdmin(admin.ModelAdmin):
    list_display = ["effective_from", "ntd_per_hour", "hours_per_shift"]


@admin.register(TransferringAgency)
class TransferringAgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "sort_order"]
    search_fields = ["name"]


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "sort_order", "is_active"]
    list_filter = ["agency", "is_active"]

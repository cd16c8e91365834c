"""The forms of the simple ledgers (one record, one form)."""

from django import forms
from django.db.models import Q

from servq.core.models import Agency, StaffMember

from ..models import (Collection, CourtesyItem, CourtesyTest, Facility, FacilityInspection,
                      InspectionFinding, LunchDuty, PublicWelfareActivity, StationedStaff,
                      Training, WebLink)
from ..models.collections import SMALL_PAYMENT_LIMIT_NTD
from ..services.inspections import unchecked_facility_error
from .base import LedgerForm


def _agency_staff(agency):
    return StaffMember.objects.filter(agency=agency, is_active=True).select_related("unit")


class StationedStaffForm(LedgerForm):
    class Meta(LedgerForm.Meta):
        model = StationedStaff
        fields = ["sending_agency", "headcount", "from_date", "to_date", "note"]


class CourtesyTestForm(LedgerForm):
    class Meta(LedgerForm.Meta):
        model = CourtesyTest
        fields = ["source", "tested_on", "tester", "staff_member", "note"]

    def limit_choices(self, agency):
        self.fields["staff_member"].queryset = _agency_staff(agency)
        self.items = list(CourtesyItem.objects.filter(is_active=True))
        given = {}
        if self.instance.pk:
            given = dict(self.instance.scores.values_list("item_id", "score"))
        for item in self.items:
            self.fields[f"score_{item.code}"] = forms.IntegerField(
                label=f"{item.name}（{item.max_score}分）", min_value=0,
                max_value=item.max_score, initial=given.get(item.pk))

    def service_kwargs(self):
        scores = {item.pk: self.cleaned_data[f"score_{item.code}"] for item in self.items}
        return super().service_kwargs() | {"scores": scores}


class LunchDutyForm(LedgerForm):
    logged = forms.BooleanField(label="已完成輪值（登錄服務人次與時數）", required=False, initial=True)

    class Meta(LedgerForm.Meta):
        model = LunchDuty
        fields = ["day", "staff_member", "served_inquiry", "served_billing", "served_payment",
                  "hours", "note"]
        help_texts = {"hours": "空白則以每班時數計"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["logged"].initial = self.instance.is_logged

    def limit_choices(self, agency):
        self.fields["staff_member"].queryset = _agency_staff(agency)

    def clean(self):
        data = super().clean()
        served = sum(data.get(f) or 0 for f in ("served_inquiry", "served_billing",
                                                "served_payment"))
        if not data.get("logged") and served:
            raise forms.ValidationError("尚未完成的輪值不能有服務人次；請勾選「已完成輪值」。")
        duplicate = LunchDuty.objects.filter(agency=self.agency, day=data.get("day"),
                                             staff_member=data.get("staff_member"))
        if duplicate.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("此人當天已排輪值。")
        return data

    def service_kwargs(self):
        return super().service_kwargs() | {"logged": self.cleaned_data["logged"]}


class CollectionForm(LedgerForm):
    class Meta(LedgerForm.Meta):
        model = Collection
        fields = ["paid_on", "channel", "chain", "category", "case_number", "amount"]

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if not 0 < amount < SMALL_PAYMENT_LIMIT_NTD:
            raise forms.ValidationError(
                f"小額代收案款須大於 0 且未滿新臺幣 {SMALL_PAYMENT_LIMIT_NTD:,} 元。")
        return amount


class TrainingForm(LedgerForm):
    class Meta(LedgerForm.Meta):
        model = Training
        fields = ["held_on", "topic", "speaker", "attendees", "hours", "invited_agencies", "note"]
        widgets = {"invited_agencies": forms.CheckboxSelectMultiple}

    def limit_choices(self, agency):
        self.fields["invited_agencies"].queryset = Agency.objects.branches().exclude(pk=agency.pk)


class PublicWelfareForm(LedgerForm):
    class Meta(LedgerForm.Meta):
        model = PublicWelfareActivity
        fields = ["first_day", "last_day", "dated_by", "title", "partner", "participants",
                  "person_hours", "donors", "bags", "cc", "note"]


class FacilityInspectionForm(LedgerForm):
    facilities = forms.ModelMultipleChoiceField(
        label="巡查設施", queryset=Facility.objects.none(), widget=forms.CheckboxSelectMultiple,
        help_text="勾選本次實際檢查的設施；新增時預設全部勾選。",
        error_messages={"required": "請至少勾選一項巡查的設施。"})

    class Meta(LedgerForm.Meta):
        model = FacilityInspection
        fields = ["inspected_on", "inspector", "facilities", "note"]

    def limit_choices(self, agency):
        self.fields["inspector"].queryset = _agency_staff(agency)
        in_use = Q(is_active=True)
        if self.instance.pk:  # a facility since taken out of use stays on its old inspections
            in_use |= Q(pk__in=self.instance.facilities.values("pk"))
        self.fields["facilities"].queryset = Facility.objects.filter(in_use, agency=agency)
        if not self.instance.pk:
            self.initial["facilities"] = [f.pk for f in self.fields["facilities"].queryset
                                          if f.is_active]


class InspectionFindingForm(LedgerForm):
    class Meta(LedgerForm.Meta):
        model = InspectionFinding
        fields = ["inspection", "facility", "defect", "repair_requested_on", "fixed_on"]
        help_texts = {"facility": "只能選該次巡查已勾選的設施。"}

    def limit_choices(self, agency):
        self.fields["inspection"].queryset = (FacilityInspection.objects.filter(agency=agency)
                                              .select_related("inspector"))
        in_use = Q(is_active=True)
        if self.instance.pk:
            in_use |= Q(pk=self.instance.facility_id)
        self.fields["facility"].queryset = Facility.objects.filter(in_use, agency=agency)

    def clean(self):
        data = super().clean()
        inspection, facility = data.get("inspection"), data.get("facility")
        if inspection and facility:
            problem = unchecked_facility_error(inspection, facility)
            if problem:
                self.add_error("facility", problem)
        return data


class WebLinkForm(LedgerForm):
    class Meta(LedgerForm.Meta):
        model = WebLink
        fields = ["title", "url", "sort_order", "is_active"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        others = WebLink.objects.filter(agency=self.agency, url=url).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("這個網址已在連結清單中。")
        return url

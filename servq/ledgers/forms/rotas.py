"""Generating rotas: the lunch-duty roster and the weekly inspection rota."""

from django import forms

from servq.core.models import StaffMember

from .fields import RocDateField

INSPECTOR_TITLES = ["行政執行官", "秘書室主任", "人事室主任", "政風室主任", "會計室主任", "統計室主任"]


class _StaffChoice(forms.Form):
    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = StaffMember.objects.filter(agency=agency, is_active=True)

    def clean_staff(self):
        return list(self.cleaned_data["staff"])


class LunchRosterForm(_StaffChoice):
    first = RocDateField(label="起日")
    last = RocDateField(label="迄日")
    per_day = forms.IntegerField(label="每日輪值人數", min_value=1, max_value=5, initial=1)
    staff = forms.ModelMultipleChoiceField(label="輪值人員（依名冊順序輪流）",
                                           queryset=StaffMember.objects.none(),
                                           widget=forms.CheckboxSelectMultiple)

    def clean(self):
        data = super().clean()
        first, last = data.get("first"), data.get("last")
        if first and last and not 0 <= (last - first).days <= 366:
            raise forms.ValidationError("迄日須在起日之後，且一次最多排一年。")
        staff, per_day = data.get("staff"), data.get("per_day")
        if staff and per_day and per_day > len(staff):
            self.add_error("per_day", f"每日輪值人數不能多於所選的輪值人員（{len(staff)} 人），"
                                      "同一人一天只輪值一次。")
        return data


class InspectionRotaForm(_StaffChoice):
    first_week = RocDateField(label="自該週起")
    weeks = forms.IntegerField(label="週數", min_value=1, max_value=53, initial=13)
    staff = forms.ModelMultipleChoiceField(label="輪值人員（行政執行官及行政科室主管）",
                                           queryset=StaffMember.objects.none(),
                                           widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, agency=agency, **kwargs)
        self.fields["staff"].initial = [p.pk for p in self.fields["staff"].queryset
                                        if p.title in INSPECTOR_TITLES]

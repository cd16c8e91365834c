"""Opening a month's attitude review, and the review sheet (one row per officer)."""

from datetime import date

from django import forms

from servq.core.models import StaffMember

from ..models.attitude import COMMITTEE_SIZE, DEFAULT_BASELINE, AttitudeItem
from ..services.attitude import needs_reason

COMMITTEE_TITLES = ["秘書室主任", "人事室主任", "政風室主任"]


class AttitudeOpenForm(forms.Form):
    month = forms.CharField(label="考核月份", widget=forms.TextInput(attrs={"type": "month"}),
                            help_text="例如 2015-06")
    committee = forms.ModelMultipleChoiceField(
        label="考核小組（3 人）", queryset=StaffMember.objects.none(),
        widget=forms.CheckboxSelectMultiple)
    baseline = forms.IntegerField(label="基準分", min_value=0, max_value=100,
                                  initial=DEFAULT_BASELINE)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        staff = StaffMember.objects.filter(agency=agency, is_active=True,
                                           is_enforcement_officer=False)
        self.fields["committee"].queryset = staff
        self.fields["committee"].initial = [p.pk for p in staff if p.title in COMMITTEE_TITLES]

    def clean_month(self):
        text = self.cleaned_data["month"].strip()
        try:
            year, month = (int(part) for part in text.split("-"))
            return date(year, month, 1)
        except ValueError:
            raise forms.ValidationError("月份格式應為 YYYY-MM，例如 2015-06。") from None

    def clean_committee(self):
        committee = list(self.cleaned_data["committee"])
        if len(committee) != COMMITTEE_SIZE:
            raise forms.ValidationError(f"考核小組須為 {COMMITTEE_SIZE} 人。")
        return committee


class AttitudeSheetForm(forms.Form):
    """Score fields for the items the user may score now, and the reason, per assessment."""

    def __init__(self, *args, assessments, items: list[AttitudeItem], baseline: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessments, self.items, self.baseline = assessments, items, baseline
        for a in assessments:
            for item in items:
                self.fields[f"a{a.pk}_{item.value}"] = forms.IntegerField(
                    label=f"{a.officer.name} {item.label}", min_value=0, max_value=100,
                    initial=getattr(a, item.value),
                    widget=forms.NumberInput(attrs={"class": "cell"}))
            self.fields[f"a{a.pk}_note"] = forms.CharField(
                label=f"{a.officer.name} 事由", required=False, max_length=300, initial=a.note)

    def clean(self):
        data = super().clean()
        for a in self.assessments:
            scores = a.scores() | {item.value: data.get(f"a{a.pk}_{item.value}",
                                                        getattr(a, item.value))
                                   for item in self.items}
            if None in scores.values():
                continue
            if needs_reason(scores, self.baseline) and not data.get(f"a{a.pk}_note", "").strip():
                self.add_error(f"a{a.pk}_note", f"有項目低於基準分 {self.baseline} 分，請填寫事由。")
        return data

    def field_rows(self) -> dict[int, dict]:
        return {a.pk: {"scores": [self[f"a{a.pk}_{item.value}"] for item in self.items],
                       "note": self[f"a{a.pk}_note"]} for a in self.assessments}

    def scores(self) -> dict[int, dict[str, int]]:
        return {a.pk: {item.value: self.cleaned_data[f"a{a.pk}_{item.value}"]
                       for item in self.items} for a in self.assessments}

    def notes(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"a{a.pk}_note"] for a in self.assessments}

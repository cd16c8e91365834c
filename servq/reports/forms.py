from django import forms

from servq.core.periods import Period

from .renderers import FORMATS


def parse_report_period(text: str) -> Period:
    try:
        period = Period.parse(text)
    except ValueError as error:
        raise forms.ValidationError(str(error)) from None
    if period.kind not in {"quarter", "half", "year", "month"}:
        raise forms.ValidationError("報告期間請用季（2015Q2）、半年（2015H1）、年（2015）或月（2015-06）。")
    return period


class PeriodField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "期間")
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", "例如 2015Q2（第2季）、2015H1（上半年）")
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        return parse_report_period(text) if text else text


class BuildForm(forms.Form):
    period = PeriodField()
    template = forms.ModelChoiceField(queryset=None, label="範本", empty_label=None)
    formats = forms.MultipleChoiceField(
        label="格式", choices=[(code, label) for code, (_, label) in FORMATS.items()],
        widget=forms.CheckboxSelectMultiple, initial=list(FORMATS))
    consolidated = forms.BooleanField(label="彙整所屬各分署（含各分署比較表）", required=False)

    def __init__(self, *args, templates, allow_consolidated: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        if not allow_consolidated:
            del self.fields["consolidated"]


class TemplateEditForm(forms.Form):
    source = forms.CharField(label="範本內容", widget=forms.Textarea(attrs={
        "rows": 30, "spellcheck": "false", "class": "template-source"}), strip=False)
    period = PeriodField(label="預覽與驗證期間")
    note = forms.CharField(label="修改說明", max_length=200, required=False)


class IssueForm(forms.Form):
    acknowledge = forms.BooleanField(label="我已檢視上列檢查警示，確認發布", required=False)

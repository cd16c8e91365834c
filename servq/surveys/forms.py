"""Forms built from a questionnaire's structure: the public form, paper entry, file upload."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from servq.core.roc_dates import parse_roc_date
from servq.core.tabular import parse_iso_date
from servq.portal.forms import HoneypotMixin

from .structure import QuestionInfo, Structure

MAX_TEXT = 1000


class QuestionnaireFields:
    """What both questionnaire forms give their views and templates."""

    structure: Structure

    def answers(self) -> dict[str, str]:
        """Option codes by question code; skipped questions are absent."""
        return {q.code: self.cleaned_data[q.code] for q in self.structure.choice_questions
                if self.cleaned_data.get(q.code)}

    def texts(self) -> dict[str, str]:
        return {q.code: self.cleaned_data[q.code] for q in self.structure.text_questions
                if self.cleaned_data.get(q.code)}

    def questions_by_group(self):
        """[(group, [(question, bound field)])] for the template."""
        return [(group, [(q, self[q.code]) for q in group.questions])
                for group in self.structure.groups]


def _options_of(question: QuestionInfo):
    """The question's (code, label) pairs as a callable: Django then skips re-checking the list
    for each of the ~20 fields every time the public page builds its form."""
    pairs = tuple((o.code, o.label) for o in question.options)
    return lambda: pairs


class PublicQuestionnaireForm(QuestionnaireFields, HoneypotMixin, forms.Form):
    """One radio group per choice question (none chosen = skipped), a text box per text one,
    labelled in the structure's language. `token` identifies this copy of the form, so sending
    it twice saves one response."""

    token = forms.UUIDField(widget=forms.HiddenInput, error_messages={
        "required": _("這份表單已失效，請重新整理頁面後再填寫。"),
        "invalid": _("這份表單已失效，請重新整理頁面後再填寫。"),
    })

    def __init__(self, *args, structure: Structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.structure = structure
        for question in structure.choice_questions:
            self.fields[question.code] = forms.ChoiceField(
                label=question.text, required=False, widget=forms.RadioSelect,
                choices=_options_of(question),
                error_messages={"invalid_choice": _("請從這一題的選項中擇一，或選「不回答」。")},
            )
        for question in structure.text_questions:
            self.fields[question.code] = forms.CharField(
                label=question.text, required=False, max_length=MAX_TEXT, widget=forms.Textarea,
                error_messages={
                    "max_length": _("意見最多 %(limit_value)d 字（目前 %(show_value)d 字）。")})

    def clean(self):
        data = super().clean()
        if not self.errors and not self.answers() and not self.texts():
            raise forms.ValidationError(_("請至少回答一題再送出。"), code="empty")
        return data


def paper_keys(question: QuestionInfo) -> dict[str, str]:
    """What staff may type for each option: its paper key (5..1, 1/2), its code, and for
    word codes their first letter (y/n)."""
    keys: dict[str, str] = {}
    for option in question.options:
        keys[option.paper_key] = option.code
        keys[option.code.lower()] = option.code
        if option.code.isalpha():
            keys.setdefault(option.code[0].lower(), option.code)
    return keys


def paper_hint(question: QuestionInfo) -> str:
    return "、".join(f"{o.paper_key}={o.label}" for o in question.options)


def parse_sheet_date(text: str) -> date:
    """104/05/12 (ROC, as written on the sheet) or 2015-05-12."""
    text = text.strip()
    try:
        return parse_iso_date(text) if "-" in text and len(text) == 10 and \
            text[4] == "-" else parse_roc_date(text)
    except ValueError:
        raise forms.ValidationError(
            "日期請寫成民國年月日（例如 104/05/12）或西元 2015-05-12。") from None


class PaperEntryForm(QuestionnaireFields, forms.Form):
    """A paper sheet typed in with digits and Tab: one short box per question."""

    serial = forms.CharField(label="問卷編號", max_length=30)
    submitted_on = forms.CharField(label="填答日期", max_length=10,
                                   help_text="民國年月日，例如 104/05/12")
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, structure: Structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.structure = structure
        self.keys = {q.code: paper_keys(q) for q in structure.choice_questions}
        for question in structure.choice_questions:
            self.fields[question.code] = forms.CharField(
                label=question.label, required=False, max_length=3, help_text=paper_hint(question))
        for question in structure.text_questions:
            self.fields[question.code] = forms.CharField(
                label=question.label, required=False, max_length=MAX_TEXT, widget=forms.Textarea)

    def clean_submitted_on(self) -> date:
        day = parse_sheet_date(self.cleaned_data["submitted_on"])
        if day > timezone.localdate():
            raise forms.ValidationError("填答日期不可晚於今天。")
        if not self.structure.questionnaire.covers(day):
            raise forms.ValidationError(f"此日期不在「{self.structure.questionnaire}」的適用期間內。")
        return day

    def clean(self):
        data = super().clean()
        for question in self.structure.choice_questions:
            typed = (data.get(question.code) or "").strip().lower()
            if not typed:
                data[question.code] = ""
            elif typed in self.keys[question.code]:
                data[question.code] = self.keys[question.code][typed]
            else:
                self.add_error(question.code, f"請輸入 {paper_hint(question)}，未答請留空。")
        if not self.errors and not self.answers() and not self.texts():
            raise forms.ValidationError("這張問卷沒有任何答案；請檢查是否漏填。", code="empty")
        return data


class ImportUploadForm(forms.Form):
    file = forms.FileField(label="檔案（CSV UTF-8 或 XLSX）")
    questionnaire = forms.ChoiceField(label="問卷版本", required=False)

    def __init__(self, *args, questionnaires, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questionnaire"].choices = [("", "目前適用的版本")] + [
            (q.label, f"{q.title}（第{q.version}版，{q.effective_from:%Y-%m-%d} 起）")
            for q in questionnaires
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError("只接受 .csv（UTF-8）或 .xlsx 檔案。")
        return upload

"""The public opinion-mailbox and ethics-mailbox forms (zh-Hant msgids; English in
locale/en). Errors are tied to their fields by the portal's AccessibleErrorsMixin."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from servq.core.models import Unit
from servq.portal.forms import AccessibleErrorsMixin, HoneypotMixin

from .forms import AttachmentsMixin
from .models import Category
from .services import Intake, Petitioner

OPINION, ETHICS = "opinion", "ethics"


class PublicPetitionForm(AccessibleErrorsMixin, AttachmentsMixin, HoneypotMixin, forms.Form):
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    name = forms.CharField(label=_("姓名"), max_length=60, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("電子郵件"), required=False, max_length=254,
                             help_text=_("填寫後，案號與查詢碼也會寄到這個信箱。"),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(label=_("聯絡電話"), max_length=30, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "tel",
                                                          "inputmode": "tel"}))
    address = forms.CharField(label=_("通訊地址"), max_length=200, required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    category = forms.ModelChoiceField(label=_("陳情事項類別"), queryset=Category.objects.none(),
                                      empty_label=None)
    section_hint = forms.ModelChoiceField(
        label=_("承辦股別（涉及執行案件且知悉時）"), required=False, queryset=Unit.objects.none(),
        empty_label=_("不知道或不適用"), help_text=_("繳款通知書上印有承辦股別，例如「甲股」。"))
    enforcement_case = forms.CharField(label=_("執行案號（如有）"), max_length=60, required=False)
    subject = forms.CharField(label=_("主旨"), max_length=200)
    content = forms.CharField(label=_("陳情內容"), widget=forms.Textarea(attrs={"rows": 8}),
                              help_text=_("請具體說明事實、時間、地點及您的訴求。"))

    def __init__(self, *args, agency, mailbox: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency, self.mailbox = agency, mailbox
        if mailbox == ETHICS:
            for name in ["category", "section_hint", "enforcement_case"]:
                del self.fields[name]
            self.fields["name"].help_text = _("可不具名；匿名檢舉可能無法查證處理。")
        else:
            self.fields["name"].required = True
            self.fields["category"].queryset = Category.objects.filter(is_active=True,
                                                                       is_public=True)
            self.fields["category"].label_from_instance = \
                lambda category: category.name_for(translation.get_language() or "")
            self.fields["section_hint"].queryset = Unit.objects.filter(
                agency=agency, kind=Unit.Kind.SECTION, is_active=True)
            self.fields["section_hint"].label_from_instance = lambda unit: unit.name
        self.add_attachment_fields(label=_("附件"))
        for name in self.attachment_fields:
            self.fields[name].help_text = _("PDF、JPG 或 PNG，可不附。")

    def clean(self):
        cleaned = super().clean()
        contacts = [cleaned.get(name) for name in ("email", "phone", "address")]
        if self.mailbox == OPINION and not any(contacts) and not self.has_error("email"):
            self.add_error("phone", _("請至少留下一種聯絡方式（電子郵件、電話或地址）。"))
        return cleaned

    def category_for(self) -> Category:
        if self.mailbox == ETHICS:
            return Category.objects.get(code="ethics")
        return self.cleaned_data["category"]

    def to_intake(self) -> Intake:
        data = self.cleaned_data
        return Intake(
            content=data["content"],
            petitioner=Petitioner(data["name"], data["email"], data["phone"], data["address"]),
            section_hint=data.get("section_hint"), enforcement_case=data.get("enforcement_case", ""),
            attachments=self.checked_attachments(),
        )


class TrackForm(AccessibleErrorsMixin, forms.Form):
    number = forms.CharField(label=_("案號"), max_length=20,
                             widget=forms.TextInput(attrs={"autocomplete": "off",
                                                           "autocapitalize": "characters"}))
    code = forms.CharField(label=_("查詢碼"), max_length=20,
                           widget=forms.PasswordInput(attrs={"autocomplete": "off"}))

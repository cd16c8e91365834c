"""Staff forms for petitions. Dates are typed in the ROC calendar (104/06/30) or ISO."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from servq.core import access
from servq.core.access import Perm
from servq.core.models import StaffMember, Unit
from servq.core.roc_dates import parse_roc_date, roc_date_short
from servq.core.roles import Role

from . import selectors
from .attachments import MAX_FILES, check_attachment
from .models import Category, Channel, ContactMethod, Petition
from .selectors import PetitionSearch
from .services import Intake, Petitioner


class RocDateField(forms.DateField):
    default_error_messages = {"invalid": "請輸入民國日期（例如 104/06/30）或西元日期（2015-06-30）。"}

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "例：104/06/30",
                                                           "autocomplete": "off"}))
        kwargs.setdefault("help_text", "民國日期，例如 104/06/30")
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str) and value.strip() and "/" in value:
            try:
                return parse_roc_date(value)
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)

    def prepare_value(self, value):
        return roc_date_short(value) if isinstance(value, date) else value


def apply_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields (or the form itself)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class AttachmentsMixin:
    """Up to MAX_FILES optional attachments, each checked by content and size."""

    attachment_fields = [f"attachment_{n}" for n in range(1, MAX_FILES + 1)]

    def add_attachment_fields(self, label: str = "附件") -> None:
        for n, name in enumerate(self.attachment_fields, start=1):
            self.fields[name] = forms.FileField(
                label=f"{label} {n}", required=False,
                widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))

    def clean(self):
        cleaned = super().clean()
        for name in self.attachment_fields:
            upload = cleaned.get(name)
            if upload:
                try:
                    cleaned[name] = check_attachment(upload)
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    def checked_attachments(self) -> tuple:
        return tuple(self.cleaned_data[name] for name in self.attachment_fields
                     if self.cleaned_data.get(name))


class SearchForm(forms.Form):
    BOXES = [("all", "全部"), ("open", "未回覆"), ("mine", "分給我的"), ("unit", "分給本單位的"),
             ("unassigned", "待分案")]
    box = forms.ChoiceField(label="範圍", choices=BOXES, required=False)
    number = forms.CharField(label="文號", required=False, max_length=20)
    name = forms.CharField(label="陳情人姓名", required=False, max_length=60)
    received_from = RocDateField(label="收件日起", required=False)
    received_to = RocDateField(label="收件日迄", required=False)
    category = forms.ModelChoiceField(label="類別", required=False, queryset=Category.objects.all())
    channel = forms.ChoiceField(label="管道", required=False,
                                choices=[("", "全部")] + Channel.choices)
    status = forms.ChoiceField(label="狀態", required=False,
                               choices=[("", "全部")] + Petition.Status.choices)

    def __init__(self, *args, can_search_names: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_search_names:
            del self.fields["name"]

    def to_search(self) -> PetitionSearch:
        data = self.cleaned_data
        category = data.get("category")
        return PetitionSearch(
            box=data.get("box") or "all", number=data.get("number", ""),
            name=data.get("name", ""), received_from=data.get("received_from"),
            received_to=data.get("received_to"), category_id=category.pk if category else None,
            channel=data.get("channel", ""), status=data.get("status", ""))


class IntakeForm(AttachmentsMixin, forms.Form):
    """A petition registered by staff: a letter, an e-mail, an oral petition, a forwarded one."""

    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    channel = forms.ChoiceField(label="管道", choices=Channel.choices)
    category = forms.ModelChoiceField(label="類別", queryset=Category.objects.filter(is_active=True))
    received_on = RocDateField(label="收件日")
    subject = forms.CharField(label="主旨", max_length=200)
    content = forms.CharField(label="陳情內容", widget=forms.Textarea(attrs={"rows": 6}),
                              required=False)
    whistleblower = forms.BooleanField(
        label="公益揭弊檢舉（檢舉人身分隔離保存）", required=False,
        help_text="檢舉貪瀆不法等公益揭弊事項時勾選。類別為「廉政檢舉」者一律隔離保存：檢舉人資料"
                  "只存於隔離處，僅政風室敘明理由後可查閱。")
    name = forms.CharField(label="陳情人姓名", max_length=60, required=False,
                           help_text="空白表示匿名。")
    email = forms.EmailField(label="電子郵件", required=False, max_length=254)
    phone = forms.CharField(label="電話", max_length=30, required=False)
    address = forms.CharField(label="地址", max_length=200, required=False)
    section_hint = forms.ModelChoiceField(label="承辦股（涉及執行案件時）", required=False,
                                          queryset=Unit.objects.none())
    enforcement_case = forms.CharField(label="執行案號", max_length=60, required=False)
    complained_officer = forms.ModelChoiceField(label="被陳情之執行人員", required=False,
                                                queryset=StaffMember.objects.none())
    forwarded_by = forms.CharField(label="函轉機關", max_length=100, required=False)
    forwarded_ref = forms.CharField(label="函轉機關文號", max_length=60, required=False)
    forwarded_on = RocDateField(label="函轉日期", required=False)
    signed_record = forms.FileField(label="口頭陳情紀錄（經陳情人簽名之掃描檔）", required=False)

    def __init__(self, *args, agency, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency, self.user = agency, user
        self.fields["section_hint"].queryset = Unit.objects.filter(
            agency=agency, kind=Unit.Kind.SECTION, is_active=True)
        self.fields["section_hint"].label_from_instance = lambda unit: unit.name
        self.fields["complained_officer"].queryset = StaffMember.objects.filter(
            agency=agency, is_active=True)
        if not access.has_perm(user, Perm.PETITION_RECORD_ORAL, agency):
            self.fields["channel"].choices = [c for c in Channel.choices if c[0] != Channel.ORAL]
            del self.fields["signed_record"]
        self.add_attachment_fields()

    def clean_signed_record(self):
        upload = self.cleaned_data.get("signed_record")
        return check_attachment(upload) if upload else None

    def to_intake(self) -> Intake:
        data = self.cleaned_data
        return Intake(
            content=data["content"], received_on=data["received_on"],
            petitioner=Petitioner(data["name"], data["email"], data["phone"], data["address"]),
            section_hint=data["section_hint"], enforcement_case=data["enforcement_case"],
            complained_officer=data["complained_officer"], forwarded_by=data["forwarded_by"],
            forwarded_ref=data["forwarded_ref"], forwarded_on=data["forwarded_on"],
            recorded_by=self.user, attachments=self.checked_attachments(),
            signed_record=data.get("signed_record"), whistleblower=data["whistleblower"],
        )


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label="承辦單位", queryset=Unit.objects.none())
    user = forms.ModelChoiceField(label="承辦人（可空白）", required=False, queryset=None)
    note = forms.CharField(label="備註", required=False, max_length=500)
    on = RocDateField(label="分案日期", required=False, help_text="空白為今天")

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = selectors.assignable_units(agency)
        self.fields["unit"].label_from_instance = lambda unit: unit.name
        handlers = [role for role, perms in access.ROLE_PERMISSIONS.items()
                    if Perm.PETITION_HANDLE in perms]
        self.fields["user"].queryset = selectors.users_with_roles(agency, handlers)
        self.fields["user"].label_from_instance = lambda u: f"{u.last_name}{u.first_name}（{u.username}）"


class ContactForm(forms.Form):
    method = forms.ChoiceField(label="方式", choices=ContactMethod.choices)
    summary = forms.CharField(label="告知陳情人的內容", widget=forms.Textarea(attrs={"rows": 3}))
    on = RocDateField(label="聯繫日期", required=False, help_text="空白為今天")


class ExtendForm(forms.Form):
    new_due_on = RocDateField(label="新期限")
    reason = forms.CharField(label="展延理由", widget=forms.Textarea(attrs={"rows": 2}))
    approved_by = forms.ModelChoiceField(label="核准人", queryset=None)
    notice_method = forms.ChoiceField(label="通知陳情人方式", choices=ContactMethod.choices)
    notice_on = RocDateField(label="通知日期")

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        approvers = [role for role, perms in access.ROLE_PERMISSIONS.items()
                     if Perm.PETITION_ASSIGN in perms and role != Role.SYSADMIN]
        self.fields["approved_by"].queryset = selectors.users_with_roles(agency, approvers)
        self.fields["approved_by"].label_from_instance = \
            lambda u: f"{u.last_name}{u.first_name}（{u.username}）"


class ReplyForm(forms.Form):
    method = forms.ChoiceField(label="回覆方式", choices=ContactMethod.choices)
    summary = forms.CharField(label="回覆要旨", widget=forms.Textarea(attrs={"rows": 3}),
                              required=False)
    on = RocDateField(label="回覆日期", required=False, help_text="空白為今天")
    close = forms.BooleanField(label="回覆後同時結案", required=False, initial=True)


class CloseForm(forms.Form):
    on = RocDateField(label="結案日期", required=False, help_text="空白為今天")


class NotProcessedForm(forms.Form):
    reason = forms.ChoiceField(label="理由", choices=Petition.NotProcessedReason.choices)
    repeat_of = forms.CharField(label="前案文號（重複陳情時）", required=False, max_length=20)
    note = forms.CharField(label="說明", required=False, max_length=500)
    on = RocDateField(label="日期", required=False, help_text="空白為今天")

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency

    def clean_repeat_of(self):
        number = self.cleaned_data["repeat_of"].strip().upper()
        if not number:
            return None
        earlier = Petition.objects.filter(agency=self.agency, number=number).first()
        if earlier is None:
            raise ValidationError(f"本機關沒有文號 {number} 的案件。")
        return earlier


class MarkWhistleblowerForm(forms.Form):
    reason = forms.CharField(label="改列理由", max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="請勿寫入陳情人（檢舉人）的姓名或聯絡方式。")


class OfficerForm(forms.Form):
    complained_officer = forms.ModelChoiceField(label="被陳情之執行人員", required=False,
                                                queryset=StaffMember.objects.none())

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["complained_officer"].queryset = StaffMember.objects.filter(
            agency=agency, is_active=True)


class AttachForm(AttachmentsMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_attachment_fields()

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.checked_attachments():
            raise ValidationError("請選擇要上傳的檔案。")
        return cleaned


class RevealForm(forms.Form):
    reason = forms.CharField(label="查閱理由", widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="查閱檢舉人身分將留下稽核紀錄（查閱者、時間、來源、理由）。"
                                       "請勿在理由中寫出檢舉人的姓名、聯絡方式或其他可辨識身分"
                                       "的資料。")

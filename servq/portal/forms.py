import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DisclosureEntry, DownloadForm, FaqEntry, NewsItem, Page, SiteProfile
from .payment import CATEGORIES, STORE_LIMIT_NTD

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ODF_MIMETYPE_PREFIX = b"application/vnd.oasis.opendocument."
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class AccessibleErrorsMixin:
    """After validation, each field in error points at its message (aria-describedby, next to
    its help text) and says it is invalid, so screen readers announce the error with the field.
    The templates portal/_field.html and portal/_error_summary.html render the ids used here."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs.update(
                {"aria-describedby": " ".join(ids), "aria-invalid": "true"})


class HoneypotMixin(forms.Form):
    """A field people never see (rendered inside `.hp`): automated senders fill it in, and the
    form refuses them. Stops floods without a CAPTCHA that would shut out blind users."""

    website = forms.CharField(label=_("請勿填寫此欄"), required=False, widget=forms.TextInput(
        attrs={"tabindex": "-1", "autocomplete": "off"}))

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("這個欄位必須保持空白。"))
        return ""


class PaymentGuideForm(AccessibleErrorsMixin, forms.Form):
    amount = forms.IntegerField(
        label=_("欠款金額（新臺幣元）"), min_value=1, max_value=10**12,
        help_text=_("請輸入整數金額，例如 15000。"),
        error_messages={"required": _("請輸入欠款金額。"),
                        "invalid": _("金額請以阿拉伯數字輸入整數，例如 15000。"),
                        "min_value": _("金額必須大於 0 元。")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    category = forms.ChoiceField(
        label=_("欠款種類"), choices=[("", _("請選擇"))] + [(c.code, c.label) for c in CATEGORIES],
        error_messages={"required": _("請選擇欠款種類。"),
                        "invalid_choice": _("請從清單中選擇欠款種類。")},
    )
    cannot_pay_at_once = forms.BooleanField(label=_("無法一次繳清"), required=False)

    store_limit = STORE_LIMIT_NTD


class SearchForm(forms.Form):
    q = forms.CharField(label=_("搜尋關鍵字"), max_length=200, required=False)


def _odf_mimetype(upload) -> bytes:
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.read("mimetype").strip()
    except (zipfile.BadZipFile, KeyError):
        return b""
    finally:
        upload.seek(0)


def _check_upload(upload, *, kind: str):
    """Checked by content, not by name: kind "pdf", "odt", or "document" (PDF or any ODF)."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError("檔案超過 10 MB。")
    upload.seek(0)
    is_pdf = upload.read(5) == b"%PDF-"
    upload.seek(0)
    if kind == "pdf" and not is_pdf:
        raise forms.ValidationError("這不是 PDF 檔（檔案內容不是 PDF 格式）。")
    if kind == "odt" and _odf_mimetype(upload) != ODT_MIMETYPE:
        raise forms.ValidationError("這不是 ODT 文件（ODF 文字文件）；請以 LibreOffice 等另存為 .odt。")
    if kind == "document" and not is_pdf and not _odf_mimetype(upload).startswith(
            ODF_MIMETYPE_PREFIX):
        raise forms.ValidationError("附件請用 PDF 或 ODF（.odt、.ods、.odp）格式。")
    return upload


class StaffContentForm(forms.ModelForm):
    """Staff forms show the zh-Hant labels of the model fields (rendered by
    portal/staff/form_fields.html); the agency is set by the view, never by the form."""


class PageForm(StaffContentForm):
    class Meta:
        model = Page
        fields = ["slug", "title_zh", "title_en", "body_zh", "body_en", "updated_on"]


class NewsItemForm(StaffContentForm):
    class Meta:
        model = NewsItem
        fields = ["title_zh", "title_en", "published_on", "body_zh", "body_en"]


class FaqEntryForm(StaffContentForm):
    class Meta:
        model = FaqEntry
        fields = ["question_zh", "question_en", "answer_zh", "answer_en", "sort_order",
                  "updated_on"]


class DisclosureEntryForm(StaffContentForm):
    class Meta:
        model = DisclosureEntry
        fields = ["category", "title_zh", "title_en", "body_zh", "body_en", "published_on",
                  "updated_on", "attachment", "attachment_name"]

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            _check_upload(upload, kind="document")
        return upload


class DownloadFormForm(StaffContentForm):
    """Creating a form needs both files; editing may replace either (services keep both)."""

    class Meta:
        model = DownloadForm
        fields = ["name_zh", "name_en", "description_zh", "description_en", "odt_file",
                  "pdf_file", "offered_from", "withdrawn_on", "sort_order"]

    def clean_odt_file(self):
        upload = self.cleaned_data.get("odt_file")
        if upload and hasattr(upload, "content_type"):
            _check_upload(upload, kind="odt")
        return upload

    def clean_pdf_file(self):
        upload = self.cleaned_data.get("pdf_file")
        if upload and hasattr(upload, "content_type"):
            _check_upload(upload, kind="pdf")
        return upload


class SiteProfileForm(StaffContentForm):
    class Meta:
        model = SiteProfile
        fields = ["address_zh", "address_en", "phone", "fax", "email", "hours_zh", "hours_en",
                  "lunch_service", "lunch_start", "lunch_end"]

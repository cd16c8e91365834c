"""The public site's content: per agency, bilingual (zh-Hant required, English optional).

Writes go through services.py, which keeps the search index (SearchDocument) in step in
the same transaction. An English field left empty shows the Chinese text on the English site.
"""

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from servq.core.models import Agency


def in_language(obj, field: str, language: str | None = None) -> str:
    """The English value of `field` on the English site when it has one, else the Chinese."""
    language = language or translation.get_language() or "zh-hant"
    if language.startswith("en"):
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, f"{field}_zh")


class BilingualTitleMixin:
    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def body(self) -> str:
        return in_language(self, "body")

    def __str__(self):
        return self.title_zh


class SiteProfile(models.Model):
    """Contact details and opening hours shown on every page of an agency's site."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="site_profile")
    address_zh = models.CharField("地址", max_length=200)
    address_en = models.CharField("地址（英文）", max_length=200, blank=True)
    phone = models.CharField("總機", max_length=40)
    fax = models.CharField("傳真", max_length=40, blank=True)
    email = models.EmailField("電子郵件", blank=True)
    hours_zh = models.CharField("上班時間", max_length=120)
    hours_en = models.CharField("上班時間（英文）", max_length=120, blank=True)
    lunch_service = models.BooleanField("午休不打烊", default=True)
    lunch_start = models.TimeField("午休服務開始", null=True, blank=True)
    lunch_end = models.TimeField("午休服務結束", null=True, blank=True)

    class Meta:
        verbose_name = "網站基本資料"
        verbose_name_plural = "網站基本資料"

    def __str__(self):
        return f"{self.agency.short_name}網站基本資料"

    @property
    def address(self) -> str:
        return in_language(self, "address")

    @property
    def hours(self) -> str:
        return in_language(self, "hours")


class Page(BilingualTitleMixin, models.Model):
    """A page of running text: the service guide, the privacy and security statements."""

    class Slug(models.TextChoices):
        SERVICE_GUIDE = "service-guide", "為民服務"
        PRIVACY = "privacy", "隱私權保護宣告"
        SECURITY = "security", "資訊安全政策宣告"
        ABOUT = "about", "機關介紹"

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="portal_pages")
    slug = models.SlugField("頁面", max_length=40, choices=Slug.choices)
    title_zh = models.CharField("標題", max_length=120)
    title_en = models.CharField("標題（英文）", max_length=200, blank=True)
    body_zh = models.TextField("內容", help_text="空一行分段；「## 」開頭為小標題；「- 」開頭為清單項目。")
    body_en = models.TextField("內容（英文）", blank=True)
    updated_on = models.DateField("更新日期", default=timezone.localdate)

    class Meta:
        verbose_name = "網頁"
        verbose_name_plural = "網頁"
        ordering = ["agency", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug"], name="portal_page_unique_slug"),
        ]


class NewsItem(BilingualTitleMixin, models.Model):
    """最新消息. Each item published is one website update counted in the report."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="news_items")
    title_zh = models.CharField("標題", max_length=200)
    title_en = models.CharField("標題（英文）", max_length=300, blank=True)
    body_zh = models.TextField("內容")
    body_en = models.TextField("內容（英文）", blank=True)
    published_on = models.DateField("發布日期", default=timezone.localdate)

    class Meta:
        verbose_name = "最新消息"
        verbose_name_plural = "最新消息"
        ordering = ["-published_on", "-pk"]
        indexes = [models.Index(fields=["agency", "published_on"], name="portal_news_agency_date")]


class FaqEntry(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="faq_entries")
    question_zh = models.CharField("問題", max_length=300)
    question_en = models.CharField("問題（英文）", max_length=400, blank=True)
    answer_zh = models.TextField("回答")
    answer_en = models.TextField("回答（英文）", blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)
    updated_on = models.DateField("更新日期", default=timezone.localdate)

    class Meta:
        verbose_name = "常見問題"
        verbose_name_plural = "常見問題"
        ordering = ["agency", "sort_order", "pk"]

    def __str__(self):
        return self.question_zh

    @property
    def question(self) -> str:
        return in_language(self, "question")

    @property
    def answer(self) -> str:
        return in_language(self, "answer")


class DisclosureCategory(models.IntegerChoices):
    """The ten kinds of information 政府資訊公開法 §7 I requires an agency to publish, in its order."""

    LAWS = 1, _("條約、法律、命令及法規")
    INTERPRETATIONS = 2, _("解釋性規定及裁量基準")
    ORGANISATION = 3, _("組織、職掌、地址及聯絡方式")
    GUIDANCE = 4, _("行政指導有關文書")
    PLANS = 5, _("施政計畫、業務統計及研究報告")
    BUDGET = 6, _("預算及決算書")
    PETITIONS = 7, _("請願之處理結果及訴願之決定")
    CONTRACTS = 8, _("公共工程及採購契約")
    SUBSIDIES = 9, _("支付或接受之補助")
    MINUTES = 10, _("合議制機關之會議紀錄")


class DisclosureEntry(BilingualTitleMixin, models.Model):
    """An item of information published under 政府資訊公開法 §7, with an optional attachment."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="disclosures")
    category = models.PositiveSmallIntegerField("類別（第7條）", choices=DisclosureCategory.choices)
    title_zh = models.CharField("標題", max_length=200)
    title_en = models.CharField("標題（英文）", max_length=300, blank=True)
    body_zh = models.TextField("說明", blank=True)
    body_en = models.TextField("說明（英文）", blank=True)
    published_on = models.DateField("公開日期", default=timezone.localdate)
    updated_on = models.DateField("更新日期", default=timezone.localdate)
    attachment = models.FileField("附件", upload_to="portal/disclosure/%Y/", blank=True)
    attachment_name = models.CharField("附件檔名", max_length=200, blank=True)

    class Meta:
        verbose_name = "政府資訊公開"
        verbose_name_plural = "政府資訊公開"
        ordering = ["agency", "category", "-published_on", "pk"]


class DownloadFormQuerySet(models.QuerySet):
    def offered_on(self, day):
        """Forms on offer at the end of `day` (for the report's count at a period's end)."""
        return self.filter(offered_from__lte=day).filter(
            models.Q(withdrawn_on__isnull=True) | models.Q(withdrawn_on__gt=day)
        )


class DownloadForm(models.Model):
    """A form (書表) citizens download, offered as ODT (editable, the government's standard) and PDF."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="download_forms")
    name_zh = models.CharField("書表名稱", max_length=120)
    name_en = models.CharField("書表名稱（英文）", max_length=200, blank=True)
    description_zh = models.TextField("用途說明", blank=True)
    description_en = models.TextField("用途說明（英文）", blank=True)
    odt_file = models.FileField("ODT 檔", upload_to="portal/forms/")
    pdf_file = models.FileField("PDF 檔", upload_to="portal/forms/")
    offered_from = models.DateField("開始提供日期", default=timezone.localdate)
    withdrawn_on = models.DateField("停止提供日期", null=True, blank=True)
    replaced_on = models.DateField("檔案更新日期", default=timezone.localdate)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    objects = DownloadFormQuerySet.as_manager()

    class Meta:
        verbose_name = "下載書表"
        verbose_name_plural = "下載書表"
        ordering = ["agency", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name_zh"], name="portal_form_unique_name"),
        ]

    def __str__(self):
        return self.name_zh

    @property
    def name(self) -> str:
        return in_language(self, "name")

    @property
    def description(self) -> str:
        return in_language(self, "description")


class SearchDocument(models.Model):
    """One searchable document in one language: the search index, kept by services.

    `haystack` is the lower-cased title and text that every search matches against (by
    substring, so Chinese words of any length are found). The indexes that find the
    candidates quickly are database-specific: see search.py and migration 0002.
    """

    class Kind(models.TextChoices):
        PAGE = "page", _("網頁")
        NEWS = "news", _("最新消息")
        FAQ = "faq", _("常見問題")
        FORM = "form", _("下載書表")
        DISCLOSURE = "disclosure", _("政府資訊公開")

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    key = models.CharField(max_length=80, help_text="where it comes from: news:12, static:portal.faq")
    title = models.CharField(max_length=300)
    body = models.TextField()
    url = models.CharField(max_length=300)
    sort_date = models.DateField()
    haystack = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "language", "key"],
                                    name="portal_search_unique_key"),
        ]
        indexes = [
            # Candidates are the newest-indexed matches: scanned by id, newest first.
            models.Index(fields=["agency", "language", "-id"], name="portal_search_scope_newest"),
            models.Index(fields=["language", "-id"], name="portal_search_newest"),
        ]

    def __str__(self):
        return f"{self.key} ({self.language})"

    @property
    def is_static_page(self) -> bool:
        """A page of the site itself (its date is the day it was indexed, not worth showing)."""
        return self.key.startswith("static:")

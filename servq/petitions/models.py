"""Petitions and opinions (陳情), their timeline, rules, and the media ledger.

Writes go through services.py; reads that span relations through selectors.py. The
whistleblower's identity lives in ReporterIdentity, apart from the petition, and is read
only through whistleblower.py.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from servq.core.models import Agency, ImportBatch, StaffMember, Unit

LEGAL_CAP_DAYS = 30  # 陳情案件處理期限之上限（日）
ETHICS_CATEGORY = "ethics"  # 廉政檢舉: its reporters are protected whatever the channel


class Channel(models.TextChoices):
    OPINION_MAILBOX = "opinion_mailbox", "民意信箱"
    ETHICS_MAILBOX = "ethics_mailbox", "廉政信箱"
    EMAIL = "email", "電子郵件"
    LETTER = "letter", "書面"
    ORAL = "oral", "口頭陳情"
    FORWARDED = "forwarded", "上級機關函轉"


class ContactMethod(models.TextChoices):
    PHONE = "phone", "電話"
    LETTER = "letter", "書面函復"
    EMAIL = "email", "電子郵件"
    IN_PERSON = "in_person", "當面"


class Category(models.Model):
    """What a petition is about; routing and deadline rules are keyed by it."""

    code = models.SlugField("代碼", max_length=30, unique=True)
    name = models.CharField("名稱", max_length=40)
    name_en = models.CharField("英文名稱", max_length=80, blank=True,
                               help_text="英文網站的民意信箱顯示；空白時顯示中文名稱")
    description = models.CharField("說明", max_length=200, blank=True)
    is_public = models.BooleanField("民眾表單可選", default=True)
    is_active = models.BooleanField("使用中", default=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "陳情類別"
        verbose_name_plural = "陳情類別"
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    def name_for(self, language: str) -> str:
        """The name citizens read: the English one on the English site, where there is one."""
        return self.name_en if language.startswith("en") and self.name_en else self.name


class DeadlineRule(models.Model):
    """How long an agency takes for a category; category empty = the agency's default."""

    class DayKind(models.TextChoices):
        WORKDAYS = "workdays", "工作日"
        CALENDAR = "calendar", "日曆天"

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="deadline_rules")
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.CASCADE,
                                 verbose_name="類別", help_text="空白表示本機關其他類別的預設期限")
    days = models.PositiveSmallIntegerField("天數", help_text=f"1 至 {LEGAL_CAP_DAYS}")
    day_kind = models.CharField("計算方式", max_length=10, choices=DayKind.choices,
                                default=DayKind.WORKDAYS)

    class Meta:
        verbose_name = "處理期限規則"
        verbose_name_plural = "處理期限規則"
        ordering = ["agency", "category__sort_order"]
        constraints = [
            models.CheckConstraint(condition=Q(days__gte=1, days__lte=LEGAL_CAP_DAYS),
                                   name="deadline_days_within_legal_cap"),
            models.UniqueConstraint(fields=["agency", "category"],
                                    condition=Q(category__isnull=False),
                                    name="deadline_rule_once_per_category"),
            models.UniqueConstraint(fields=["agency"], condition=Q(category__isnull=True),
                                    name="deadline_rule_one_default"),
        ]

    def __str__(self):
        return f"{self.category or '預設'}：{self.days} {self.get_day_kind_display()}"

    def clean(self):
        if self.days is not None and not 1 <= self.days <= LEGAL_CAP_DAYS:
            raise ValidationError({"days": f"處理期限須為 1 至 {LEGAL_CAP_DAYS} 日（法定上限）。"})


class RoutingRule(models.Model):
    """Where a new petition is suggested to go. Staff confirm the suggestion."""

    class Target(models.TextChoices):
        UNIT = "unit", "指定單位"
        CASE_SECTION = "case_section", "執行案件承辦股（改分陳字案）"

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="routing_rules")
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.CASCADE,
                                 verbose_name="類別", help_text="空白表示任何類別")
    channel = models.CharField("管道", max_length=20, choices=Channel.choices, blank=True,
                               help_text="空白表示任何管道")
    target = models.CharField("分案對象", max_length=20, choices=Target.choices,
                              default=Target.UNIT)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT,
                             verbose_name="單位", related_name="+")
    priority = models.PositiveSmallIntegerField("優先順序", default=100,
                                                help_text="數字小者優先")
    is_active = models.BooleanField("使用中", default=True)

    class Meta:
        verbose_name = "分案規則"
        verbose_name_plural = "分案規則"
        ordering = ["agency", "priority", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(target="unit") | Q(unit__isnull=False),
                                   name="routing_unit_target_names_a_unit"),
        ]

    def __str__(self):
        what = self.category or "任何類別"
        where = self.unit.name if self.unit_id else self.get_target_display()
        return f"{what} → {where}"

    def clean(self):
        if self.target == self.Target.UNIT and not self.unit_id:
            raise ValidationError({"unit": "分案對象為指定單位時，必須選擇單位。"})
        if self.unit_id and self.agency_id and self.unit.agency_id != self.agency_id:
            raise ValidationError({"unit": "單位必須屬於本機關。"})


class DocumentCounter(models.Model):
    """The last document number (文號) given in an agency's year; locked while numbering."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="document_counter_once"),
        ]


class PetitionQuerySet(models.QuerySet):
    def for_agencies(self, agency_ids):
        return self.filter(agency_id__in=agency_ids)

    def open(self):
        """Not yet answered: no reply and not closed (registered without processing)."""
        return self.filter(replied_on__isnull=True, closed_on__isnull=True)

    def overdue(self, *, on: date):
        """Open and past due on `on` (the due day itself is still in time)."""
        return self.open().filter(due_on__lt=on)

    def without_timely_call(self):
        """No phone call to the petitioner recorded on or before the due date."""
        calls = PetitionEvent.objects.filter(
            petition=models.OuterRef("pk"), kind=PetitionEvent.Kind.CONTACTED,
            method=ContactMethod.PHONE, happened_on__lte=models.OuterRef("due_on"),
        )
        return self.exclude(models.Exists(calls))


class Petition(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", "待分案"
        ASSIGNED = "assigned", "處理中"
        REPLIED = "replied", "已回覆"
        CLOSED = "closed", "已結案"
        NOT_PROCESSED = "not_processed", "存查不予處理"

    class NotProcessedReason(models.TextChoices):
        ANONYMOUS = "anonymous", "匿名或無具體內容"
        REPEATED = "repeated", "同一事由經明確答覆後再陳情"
        REFERRED = "referred", "已移送主管機關處理"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="petitions")
    year = models.PositiveSmallIntegerField("文號年度")
    serial = models.PositiveIntegerField("流水號")
    number = models.CharField("文號", max_length=20, unique=True)
    channel = models.CharField("管道", max_length=20, choices=Channel.choices)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, verbose_name="類別")
    subject = models.CharField("主旨", max_length=200)
    content = models.TextField("內容", blank=True)
    received_on = models.DateField("收件日")
    received_at = models.DateTimeField("登錄時間")
    due_on = models.DateField("處理期限")
    status = models.CharField("狀態", max_length=20, choices=Status.choices,
                              default=Status.RECEIVED)

    # routing
    assigned_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+", verbose_name="承辦單位")
    assigned_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+",
                                      verbose_name="承辦人")
    referred_to_committee = models.BooleanField("已送執行態度考核小組", default=False)
    is_case_matter = models.BooleanField("陳字案（執行案件實體）", default=False)
    section_hint = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name="陳情人所述承辦股")
    enforcement_case = models.CharField("執行案號", max_length=60, blank=True)
    complained_officer = models.ForeignKey(StaffMember, null=True, blank=True,
                                           on_delete=models.SET_NULL, related_name="+",
                                           verbose_name="被陳情之執行人員")

    # 公益揭弊者保護法 §15, decided at receipt (whistleblower.reporter_protected): the reporter
    # of such a report is kept in ReporterIdentity, never in the petitioner fields below.
    is_whistleblower_report = models.BooleanField("公益揭弊檢舉（檢舉人身分隔離保存）",
                                                  default=False)
    # the petitioner (empty for a whistleblower report)
    is_anonymous = models.BooleanField("匿名", default=False)
    petitioner_name = models.CharField("陳情人姓名", max_length=60, blank=True)
    petitioner_email = models.EmailField("電子郵件", blank=True)
    petitioner_phone = models.CharField("電話", max_length=30, blank=True)
    petitioner_address = models.CharField("地址", max_length=200, blank=True)

    # how it came in
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+",
                                    verbose_name="口頭陳情紀錄人")
    forwarded_by = models.CharField("函轉機關", max_length=100, blank=True)
    forwarded_ref = models.CharField("函轉機關文號", max_length=60, blank=True)
    forwarded_on = models.DateField("函轉日期", null=True, blank=True)

    # outcome
    replied_on = models.DateField("回覆日", null=True, blank=True)
    reply_method = models.CharField("回覆方式", max_length=20, choices=ContactMethod.choices,
                                    blank=True)
    closed_on = models.DateField("結案日", null=True, blank=True)
    not_processed_reason = models.CharField("不予處理理由", max_length=20, blank=True,
                                            choices=NotProcessedReason.choices)
    repeat_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="repeats", verbose_name="前案")

    tracking_code_hash = models.CharField(max_length=128, blank=True)
    submission_key = models.CharField(max_length=80, blank=True)  # the API's key has a prefix
    import_batch = models.ForeignKey(ImportBatch, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = PetitionQuerySet.as_manager()

    class Meta:
        verbose_name = "陳情案件"
        verbose_name_plural = "陳情案件"
        ordering = ["-received_on", "-serial"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "serial"],
                                    name="petition_serial_once_per_year"),
            models.UniqueConstraint(fields=["agency", "submission_key"],
                                    condition=~Q(submission_key=""),
                                    name="petition_submission_once"),
            models.CheckConstraint(condition=Q(due_on__gte=models.F("received_on")),
                                   name="petition_due_not_before_receipt"),
            models.CheckConstraint(
                condition=Q(replied_on__isnull=True) | Q(replied_on__gte=models.F("received_on")),
                name="petition_reply_not_before_receipt"),
            models.CheckConstraint(
                condition=(Q(status="not_processed") & ~Q(not_processed_reason=""))
                | (~Q(status="not_processed") & Q(not_processed_reason="")),
                name="petition_not_processed_has_reason"),
        ]
        indexes = [
            models.Index(fields=["agency", "received_on"], name="petition_received_idx"),
            models.Index(fields=["agency", "replied_on"], name="petition_replied_idx"),
            models.Index(fields=["agency", "closed_on"], name="petition_closed_idx"),
            models.Index(fields=["agency", "due_on"], name="petition_open_due_idx",
                         condition=Q(replied_on__isnull=True, closed_on__isnull=True)),
        ]

    def __str__(self):
        return self.number  # never a name: this string shows in admin pages and logs

    @property
    def is_open(self) -> bool:
        return self.replied_on is None and self.closed_on is None

    @property
    def reply_days(self) -> int | None:
        """Calendar days from receipt to reply (the report's 平均處理天數 averages these)."""
        return (self.replied_on - self.received_on).days if self.replied_on else None

    def is_overdue(self, on: date) -> bool:
        return self.is_open and self.due_on < on


class ReporterIdentity(models.Model):
    """Who filed a whistleblower report (公益揭弊者保護法 §15): stored apart from the petition.

    No reverse accessor from Petition, no admin, no __str__ with a name. Read it only through
    whistleblower.reporter_identity_reveal (ethics office, stated reason, audited).
    """

    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=60, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    address = models.CharField(max_length=200, blank=True)
    stored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "檢舉人身分（隔離保存）"
        verbose_name_plural = "檢舉人身分（隔離保存）"

    def __str__(self):
        return f"檢舉人身分（隔離保存，案件 #{self.petition_id}）"

    def __repr__(self):
        return f"<ReporterIdentity petition={self.petition_id}>"


class PetitionEvent(models.Model):
    """One step of a petition's life (the timeline)."""

    class Kind(models.TextChoices):
        RECEIVED = "received", "收件"
        ASSIGNED = "assigned", "分案"
        TRANSFERRED = "transferred", "改分"
        CONTACTED = "contacted", "聯繫陳情人"
        EXTENDED = "extended", "展延期限"
        REPLIED = "replied", "回覆"
        CLOSED = "closed", "結案"
        NOT_PROCESSED = "not_processed", "存查不予處理"

    # What staff said or wrote to the petitioner, or why the deadline moved: on a whistleblower
    # report these notes can name the reporter (access.can_read_reporter_exchanges).
    REPORTER_EXCHANGES = frozenset({Kind.CONTACTED, Kind.REPLIED, Kind.EXTENDED})

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("事件", max_length=20, choices=Kind.choices)
    happened_on = models.DateField("日期")
    recorded_at = models.DateTimeField("登錄時間", auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+", verbose_name="登錄者")
    to_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+", verbose_name="單位")
    to_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+",
                                verbose_name="承辦人")
    method = models.CharField("方式", max_length=20, choices=ContactMethod.choices, blank=True)
    summary = models.TextField("內容", blank=True)
    previous_due_on = models.DateField("原期限", null=True, blank=True)
    new_due_on = models.DateField("新期限", null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+",
                                    verbose_name="核准人")
    notice_method = models.CharField("通知陳情人方式", max_length=20, blank=True,
                                     choices=ContactMethod.choices)
    notice_on = models.DateField("通知日期", null=True, blank=True)

    class Meta:
        verbose_name = "陳情處理紀錄"
        verbose_name_plural = "陳情處理紀錄"
        ordering = ["happened_on", "pk"]
        indexes = [models.Index(fields=["petition", "kind", "happened_on"],
                                name="petition_event_kind_idx")]

    def __str__(self):
        return f"{self.happened_on} {self.get_kind_display()}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name is random: an uploaded file's name may carry a person's name.
    return f"petitions/{instance.petition.agency.code}/{instance.petition.year}/{filename}"


def neutral_attachment_name(petition: "Petition", n: int, extension: str) -> str:
    """SLY104000123-2.pdf: what readers without access to personal data see."""
    return f"{petition.number}-{n}.{extension}"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        CITIZEN = "citizen", "陳情附件"
        SIGNED_RECORD = "signed_record", "口頭陳情紀錄（簽名掃描檔）"
        STAFF = "staff", "承辦附件"

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField("類別", max_length=20, choices=Kind.choices)
    file = models.FileField(upload_to=attachment_path, max_length=200)
    name = models.CharField("檔名", max_length=40, help_text="文號加序號，不含個人資料")
    # Personal data (a file name may be a person's name): shown only to readers of personal
    # data; never kept for a whistleblower report.
    original_name = models.CharField("原檔名", max_length=200, blank=True)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField("大小（位元組）")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["pk"]

    def __str__(self):
        return f"附件 #{self.pk}"


class PetitionReminder(models.Model):
    """A reminder mailed to the assignees; the unique row is the claim (each reminder once)."""

    class Kind(models.TextChoices):
        BEFORE_DUE = "before_due", "期限將屆"
        OVERDUE = "overdue", "已逾期"

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField("類別", max_length=20, choices=Kind.choices)
    due_on = models.DateField("所提醒之期限")
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField("寄送時間", null=True, blank=True)
    recipients = models.PositiveSmallIntegerField("收件人數", default=0)

    class Meta:
        verbose_name = "期限提醒"
        verbose_name_plural = "期限提醒"
        ordering = ["claimed_at"]
        constraints = [
            models.UniqueConstraint(fields=["petition", "kind", "due_on"],
                                    name="petition_reminder_once"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}（期限 {self.due_on}）"


class ReceiptRetry(models.Model):
    """A receipt mail that failed at submission, retried by send_petition_reminders.

    It holds the address and the tracking code only until the mail goes out or is given up:
    then the row is deleted. No admin, no reverse accessor, nothing personal in __str__.
    """

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    to = models.EmailField()
    tracking_code = models.CharField(max_length=20)
    attempts = models.PositiveSmallIntegerField(default=1)
    last_error = models.CharField(max_length=200, blank=True)
    failed_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "待重寄收件通知"
        verbose_name_plural = "待重寄收件通知"
        ordering = ["failed_at", "pk"]

    def __str__(self):
        return f"待重寄收件通知（案件 #{self.petition_id}）"

    def __repr__(self):
        return f"<ReceiptRetry petition={self.petition_id} attempts={self.attempts}>"


class NewsReport(models.Model):
    """A negative news report about the agency (負面新聞報導) and the agency's response."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="news_reports")
    published_on = models.DateField("報導日期")
    outlet = models.CharField("媒體", max_length=60)
    subject = models.CharField("報導主題", max_length=200)
    response = models.TextField("處理及回應", blank=True)
    responded_on = models.DateField("回應日期", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "負面新聞報導"
        verbose_name_plural = "負面新聞報導"
        ordering = ["-published_on", "-pk"]
        indexes = [models.Index(fields=["agency", "published_on"], name="news_published_idx")]

    def __str__(self):
        return f"{self.published_on} {self.outlet}：{self.subject}"


class PressRelease(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="press_releases")
    issued_on = models.DateField("發布日期")
    title = models.CharField("標題", max_length=200)
    url = models.URLField("網址", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "新聞稿"
        verbose_name_plural = "新聞稿"
        ordering = ["-issued_on", "-pk"]
        indexes = [models.Index(fields=["agency", "issued_on"], name="press_issued_idx")]

    def __str__(self):
        return f"{self.issued_on} {self.title}"

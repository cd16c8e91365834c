"""The citizen satisfaction questionnaire (為民服務暨政風狀況問卷調查).

Questionnaires are data and versioned: a Questionnaire (code + version) has groups of questions,
each answered on a Scale whose options are data too. Texts citizens read have an English field
(`*_en`) for the English site; an empty one shows the Chinese. A Response is one citizen's
sheet; an Answer is one chosen option (a skipped question has no Answer row); a TextAnswer is
free text. AnswerTally and RespondentTally keep per-month counts, written in the same
transaction as the responses, so a quarter's statistics read a few hundred rows instead of
millions.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from servq.core.models import Agency, ImportBatch

# Statistics and tallies match answers by question code and option code, and count top-two
# shares by the options' flag: once answers exist, changing these would rewrite past figures.
ANSWERED_QUESTION = ("此問卷版本已有填答，題號、量表與所屬問卷不可再修改（統計依題號比對）；"
                     "請建立新版本。")
ANSWERED_SCALE = ("此量表已有填答，選項代碼與是否計入前兩項不可再修改，也不可增刪選項；"
                  "請另建新量表。")


class Scale(models.Model):
    """How a question is answered: a set of options (satisfaction5, aware2) or free text."""

    class Kind(models.TextChoices):
        CHOICE = "choice", "單選"
        TEXT = "text", "文字"

    code = models.SlugField("代碼", max_length=30, unique=True)
    name = models.CharField("名稱", max_length=50)
    kind = models.CharField("類型", max_length=10, choices=Kind.choices, default=Kind.CHOICE)

    class Meta:
        verbose_name = "量表"
        verbose_name_plural = "量表"
        ordering = ["code"]

    def __str__(self):
        return f"{self.name}（{self.code}）"

    @property
    def is_text(self) -> bool:
        return self.kind == self.Kind.TEXT

    @property
    def is_answered(self) -> bool:
        """Some question on this scale belongs to a version that has responses."""
        return self.pk is not None and self.questions.filter(
            questionnaire__responses__isnull=False).exists()


class ScaleOption(models.Model):
    """One answer of a scale. `code` is stored in answers ("5".."1", "yes"/"no");
    `paper_key` is the digit staff type when entering a paper sheet."""

    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="options")
    code = models.CharField("代碼", max_length=8)
    label = models.CharField("文字", max_length=30)
    label_en = models.CharField("英文文字", max_length=60, blank=True)
    paper_key = models.CharField("紙本登錄鍵", max_length=1)
    is_top_two = models.BooleanField("計入前兩項（滿意／有幫助）", default=False)
    order = models.PositiveSmallIntegerField("順序")

    class Meta:
        verbose_name = "量表選項"
        verbose_name_plural = "量表選項"
        ordering = ["scale", "order"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "code"], name="scale_option_code_unique"),
            models.UniqueConstraint(fields=["scale", "paper_key"],
                                    name="scale_option_paper_key_unique"),
        ]

    def __str__(self):
        return f"{self.code} {self.label}"

    def clean(self):
        if self.pk is None:
            return
        before = ScaleOption.objects.filter(pk=self.pk).values_list(
            "scale_id", "code", "is_top_two").first()
        if before and before != (self.scale_id, self.code, self.is_top_two) \
                and Scale(pk=before[0]).is_answered:
            raise ValidationError(ANSWERED_SCALE)


class QuestionnaireQuerySet(models.QuerySet):
    def in_effect_on(self, day):
        return self.filter(Q(effective_until__isnull=True) | Q(effective_until__gte=day),
                           effective_from__lte=day)

    def applying_to(self, agency: Agency):
        """The agency's own versions, and the shared ones if the agency is a branch."""
        shared = Q(agency__isnull=True) if agency.kind == Agency.Kind.BRANCH else Q(pk__in=[])
        return self.filter(Q(agency=agency) | shared)


class Questionnaire(models.Model):
    """One version of a questionnaire. agency=None: the version every branch uses; an agency's
    own version takes precedence over the shared one while it is in effect."""

    code = models.SlugField("代碼", max_length=30)
    version = models.PositiveSmallIntegerField("版次")
    title = models.CharField("名稱", max_length=100)
    title_en = models.CharField("英文名稱", max_length=150, blank=True)
    intro = models.TextField("填答說明", blank=True)
    intro_en = models.TextField("英文填答說明", blank=True)
    agency = models.ForeignKey(Agency, verbose_name="專用機關", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="questionnaires",
                               help_text="空白表示各分署通用")
    effective_from = models.DateField("適用起日")
    effective_until = models.DateField("適用迄日", null=True, blank=True)
    replaces = models.ForeignKey("self", verbose_name="取代之舊版", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="replaced_by")

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        verbose_name = "問卷"
        verbose_name_plural = "問卷"
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="questionnaire_version_unique"),
            models.CheckConstraint(
                condition=Q(effective_until__isnull=True)
                | Q(effective_until__gte=models.F("effective_from")),
                name="questionnaire_dates_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.title}（第{self.version}版）"

    @property
    def label(self) -> str:
        return f"{self.code}@{self.version}"

    def covers(self, day) -> bool:
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until)

    @property
    def is_answered(self) -> bool:
        return self.pk is not None and self.responses.exists()


class QuestionGroup(models.Model):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE,
                                      related_name="groups")
    code = models.SlugField("代碼", max_length=30)
    title = models.CharField("名稱", max_length=100)
    title_en = models.CharField("英文名稱", max_length=150, blank=True)
    order = models.PositiveSmallIntegerField("順序")

    class Meta:
        verbose_name = "題組"
        verbose_name_plural = "題組"
        ordering = ["questionnaire", "order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"],
                                    name="question_group_code_unique"),
        ]

    def __str__(self):
        return self.title


class Question(models.Model):
    """A question's code is stable across versions: a later version keeps a code only for the
    same question on the same scale, so statistics can compare quarters across versions."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE,
                                      related_name="questions")
    group = models.ForeignKey(QuestionGroup, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField("代碼", max_length=30)
    text = models.CharField("題目", max_length=200)
    text_en = models.CharField("英文題目", max_length=300, blank=True)
    short_label = models.CharField("簡稱", max_length=60, blank=True)
    scale = models.ForeignKey(Scale, on_delete=models.PROTECT, related_name="questions")
    is_overall = models.BooleanField("題組整體題", default=False)
    order = models.PositiveSmallIntegerField("順序")

    class Meta:
        verbose_name = "題目"
        verbose_name_plural = "題目"
        ordering = ["questionnaire", "order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="question_code_unique"),
            models.UniqueConstraint(fields=["group"], condition=Q(is_overall=True),
                                    name="question_one_overall_per_group"),
        ]

    def __str__(self):
        return f"{self.code} {self.text}"

    def clean(self):
        if self.pk is None:
            return
        before = Question.objects.filter(pk=self.pk).values_list(
            "questionnaire_id", "code", "scale_id").first()
        if before and before != (self.questionnaire_id, self.code, self.scale_id) \
                and Questionnaire(pk=before[0]).is_answered:
            raise ValidationError(ANSWERED_QUESTION)

    @property
    def label(self) -> str:
        """The short label where there is one (tables, charts), else the text."""
        return self.short_label or self.text


class Channel(models.TextChoices):
    PAPER = "paper", "紙本"
    KIOSK = "kiosk", "現場平板"
    WEB = "web", "網路"


class Response(models.Model):
    """One filled-in questionnaire. Anonymous: nothing here identifies the citizen."""

    # indexed by response_agency_day, which starts with the agency
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="survey_responses",
                               db_index=False)
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT,
                                      related_name="responses")
    submitted_on = models.DateField("填答日期")
    channel = models.CharField("填答方式", max_length=10, choices=Channel.choices)
    serial = models.CharField("問卷編號", max_length=30, null=True, blank=True)
    submission_token = models.UUIDField("送出識別碼", null=True, blank=True, unique=True)
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="survey_responses")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("建立時間", default=timezone.now)

    class Meta:
        verbose_name = "問卷填答"
        verbose_name_plural = "問卷填答"
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "questionnaire", "serial"],
                                    condition=Q(serial__isnull=False),
                                    name="response_serial_unique"),
        ]
        indexes = [models.Index(fields=["agency", "submitted_on"], name="response_agency_day")]

    def __str__(self):
        return f"{self.agency.short_name} {self.submitted_on} {self.serial or self.pk}"


class Answer(models.Model):
    """The option chosen for one question. A skipped question has no row.

    The largest table (21 rows per response): its key (response, question) is its only index,
    and its references are kept by the services rather than by database constraints, whose
    row-by-row checks would triple the time of a 100,000-response import on PostgreSQL
    (see README). Deleting a response still deletes its answers (through the ORM).
    """

    pk = models.CompositePrimaryKey("response", "question")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers",
                                 db_constraint=False, db_index=False)
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+",
                                 db_constraint=False, db_index=False)
    option = models.CharField("選項", max_length=8)

    class Meta:
        verbose_name = "答案"
        verbose_name_plural = "答案"


class TextAnswer(models.Model):
    """Free text (意見與建議) for a question on a text scale."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="texts")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("內容")

    class Meta:
        verbose_name = "文字意見"
        verbose_name_plural = "文字意見"
        constraints = [
            models.UniqueConstraint(fields=["response", "question"],
                                    name="text_answer_once_per_question"),
        ]


class AnswerTally(models.Model):
    """How many responses of a month chose an option: kept up to date by every write."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="+")
    month = models.DateField("月份")  # the first day of the month
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    option = models.CharField("選項", max_length=8)
    n = models.IntegerField("次數")

    class Meta:
        verbose_name = "答案月統計"
        verbose_name_plural = "答案月統計"
        constraints = [
            models.UniqueConstraint(fields=["agency", "questionnaire", "month", "question",
                                            "option"], name="answer_tally_key"),
            models.CheckConstraint(condition=Q(n__gte=0), name="answer_tally_not_negative"),
        ]
        indexes = [models.Index(fields=["agency", "month"], name="answer_tally_agency_month")]


class RespondentTally(models.Model):
    """How many responses a month brought, per channel."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="+")
    month = models.DateField("月份")
    channel = models.CharField("填答方式", max_length=10, choices=Channel.choices)
    n = models.IntegerField("份數")

    class Meta:
        verbose_name = "填答份數月統計"
        verbose_name_plural = "填答份數月統計"
        constraints = [
            models.UniqueConstraint(fields=["agency", "questionnaire", "month", "channel"],
                                    name="respondent_tally_key"),
            models.CheckConstraint(condition=Q(n__gte=0), name="respondent_tally_not_negative"),
        ]
        indexes = [models.Index(fields=["agency", "month"], name="respondent_tally_agency_month")]

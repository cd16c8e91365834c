from django.conf import settings
from django.db import models

from .roles import Role


class AgencyQuerySet(models.QuerySet):
    def branches(self):
        return self.filter(kind=Agency.Kind.BRANCH)

    def subtree_ids(self, root: "Agency") -> list[int]:
        """Ids of `root` and every agency below it (the tree is shallow: a few queries)."""
        ids, frontier = [root.pk], [root.pk]
        while frontier:
            frontier = list(self.filter(parent_id__in=frontier).values_list("pk", flat=True))
            ids.extend(frontier)
        return ids


class Agency(models.Model):
    class Kind(models.TextChoices):
        HQ = "hq", "署本部"
        BRANCH = "branch", "分署"

    code = models.SlugField("代碼", max_length=16, unique=True)
    name = models.CharField("機關全銜", max_length=100, unique=True)
    short_name = models.CharField("簡稱", max_length=30)
    name_en = models.CharField("英文名稱", max_length=150, blank=True)
    kind = models.CharField("層級", max_length=10, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上級機關", null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    website = models.URLField("網站", blank=True)
    established_on = models.DateField("成立日期", null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = "機關"
        verbose_name_plural = "機關"
        ordering = ["sort_order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="agency_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name

    def ancestor_ids(self) -> list[int]:
        ids, node = [], self
        while node.parent_id is not None:
            ids.append(node.parent_id)
            node = node.parent
        return ids

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "short_name": self.short_name,
            "name_en": self.name_en,
            "kind": self.kind,
            "parent": self.parent.code if self.parent_id else None,
        }


class Unit(models.Model):
    """An organisational unit of an agency: 科, 室 or 股 (sections sit under a 科)."""

    class Kind(models.TextChoices):
        DIVISION = "division", "科"
        OFFICE = "office", "室"
        SECTION = "section", "股"
        GROUP = "group", "小組"

    class Function(models.TextChoices):
        """What a unit does, so rules can find 'the ethics office' of any agency."""

        ENFORCEMENT = "enforcement", "執行業務"
        SECRETARIAT = "secretariat", "秘書（研考）"
        PERSONNEL = "personnel", "人事"
        ETHICS = "ethics", "政風"
        ACCOUNTING = "accounting", "會計"
        STATISTICS = "statistics", "統計"
        ATTITUDE_COMMITTEE = "attitude_committee", "執行態度考核"
        FRONT_DESK = "front_desk", "服務台"
        OTHER = "other", "其他"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="units")
    code = models.SlugField("代碼", max_length=30)
    name = models.CharField("名稱", max_length=50)
    kind = models.CharField("類別", max_length=10, choices=Kind.choices)
    function = models.CharField("職掌", max_length=20, choices=Function.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上級單位", null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    is_active = models.BooleanField("使用中", default=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "單位"
        verbose_name_plural = "單位"
        ordering = ["agency", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="unit_code_unique_in_agency"),
        ]

    def __str__(self):
        return f"{self.agency.short_name}{self.name}"


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True)


class Membership(models.Model):
    """A user's role in one agency (optionally in one unit of it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="memberships")
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("角色", max_length=30, choices=Role.choices)
    is_active = models.BooleanField("有效", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "人員角色"
        verbose_name_plural = "人員角色"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency", "role"], name="membership_unique_role_in_agency"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.agency.short_name} · {self.get_role_display()}"


class AuditEvent(models.Model):
    """Append-only trail: who did what to which record, when and from where."""

    at = models.DateTimeField("時間", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField("操作者", max_length=150, blank=True)
    action = models.CharField("動作", max_length=60, db_index=True)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.SET_NULL)
    target_type = models.CharField("對象類型", max_length=60, blank=True)
    target_id = models.CharField("對象編號", max_length=64, blank=True)
    ip_address = models.GenericIPAddressField("來源位址", null=True, blank=True)
    user_agent = models.CharField("用戶端", max_length=300, blank=True)
    reason = models.TextField("事由", blank=True)
    detail = models.JSONField("內容", default=dict, blank=True)

    class Meta:
        verbose_name = "稽核紀錄"
        verbose_name_plural = "稽核紀錄"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"


class CalendarDay(models.Model):
    """An exception to the Monday-Friday week in the office calendar (辦公日曆表).

    A national holiday on a weekday (is_workday=False), or a make-up workday (補班) on a
    weekend (is_workday=True). agency=None is the national calendar; an agency row (a typhoon
    closure, say) overrides it for that agency only.
    """

    day = models.DateField("日期")
    is_workday = models.BooleanField("上班日")
    name = models.CharField("說明", max_length=60, blank=True)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="calendar_days")

    class Meta:
        verbose_name = "辦公日曆例外日"
        verbose_name_plural = "辦公日曆例外日"
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["day"], condition=models.Q(agency__isnull=True),
                                    name="calendar_day_unique_national"),
            models.UniqueConstraint(fields=["agency", "day"], name="calendar_day_unique_agency"),
        ]

    def __str__(self):
        return f"{self.day} {'補班' if self.is_workday else '放假'} {self.name}"


class ImportBatch(models.Model):
    """One imported file. The file's hash is unique per agency and kind: the same file twice
    is refused instead of doubling its records."""

    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="import_batches")
    kind = models.CharField("類別", max_length=40)
    file_name = models.CharField("檔名", max_length=255)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField("筆數", default=0)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    imported_at = models.DateTimeField("匯入時間", auto_now_add=True)

    class Meta:
        verbose_name = "匯入批次"
        verbose_name_plural = "匯入批次"
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "sha256"],
                                    name="import_batch_file_once"),
        ]

    def __str__(self):
        return f"{self.kind} {self.file_name} ({self.rows})"


class StaffMember(models.Model):
    """A person on an agency's staff roster (人員名冊), with or without a servq login.

    Enforcement officers reviewed for attitude, staff on lunch duty, people tested for
    telephone courtesy: they are staff members; only some of them use servq.
    """

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="staff")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="staff")
    name = models.CharField("姓名", max_length=30)
    title = models.CharField("職稱", max_length=30)
    is_enforcement_officer = models.BooleanField("執行人員", default=False)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="staff_member")
    is_active = models.BooleanField("在職", default=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "人員"
        verbose_name_plural = "人員名冊"
        ordering = ["agency", "sort_order", "pk"]

    def __str__(self):
        return f"{self.name}（{self.title}）"


class RateLimitCounter(models.Model):
    """Hits of one key (hashed) in one fixed time window; see ratelimit.py."""

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "流量限制計數"
        verbose_name_plural = "流量限制計數"
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="ratelimit_key_window"),
        ]

"""The simple ledgers, declared once: their model, form, owning office, list columns and save
service. One set of views (views/records.py) lists, shows, enters and corrects all of them."""

from collections.abc import Callable
from dataclasses import dataclass, field

from servq.core.models import Unit

from .forms import records as forms
from .models import (Collection, CourtesyTest, FacilityInspection, InspectionFinding, LunchDuty,
                     PublicWelfareActivity, StationedStaff, Training, WebLink)
from .services.collections import collection_delete, collection_save
from .services.courtesy import courtesy_test_save
from .selectors.inspections import with_checklist
from .services.inspections import facility_inspection_save, inspection_finding_save
from .services.lunch import lunch_duty_save
from .services.records import record_delete, record_save

F = Unit.Function


@dataclass(frozen=True)
class Column:
    label: str
    value: str | Callable  # an attribute path ("sending_agency.name") or a function of the record
    kind: str = "text"  # text | date | num | ntd | bool

    def of(self, record):
        if callable(self.value):
            return self.value(record)
        value = record
        for part in self.value.split("."):
            display = getattr(value, f"get_{part}_display", None)
            value = display() if display else getattr(value, part)
            if value is None:
                break
        return value


@dataclass(frozen=True)
class RecordLedger:
    slug: str
    title: str
    office: str  # the Unit.Function that records and corrects it
    model: type
    form_class: type
    columns: tuple[Column, ...]
    date_field: str | None  # for the year/month filter and the order of the list (newest first)
    agency_path: str = "agency"
    select_related: tuple[str, ...] = ()
    refine: Callable | None = None  # queryset -> queryset: annotations, prefetches of the list
    save: Callable = record_save
    delete: Callable = record_delete
    description: str = ""
    # links shown on the list: (label, url name taking the agency, or a ledger's slug)
    actions: tuple[tuple[str, str], ...] = field(default=())

    @property
    def date_lookup(self) -> str | None:
        return self.date_field.replace(".", "__") if self.date_field else None

    def queryset(self, agency):
        ordering = (f"-{self.date_lookup}", "-pk") if self.date_field else ("sort_order", "pk")
        records = (self.model.objects.filter(**{self.agency_path: agency})
                   .select_related(*self.select_related).order_by(*ordering))
        return self.refine(records) if self.refine else records


def _findings(inspection) -> str:
    """The defects an inspection found, each with where its repair stands."""
    def stage(finding):
        return "已修復" if finding.fixed_on else "已送修" if finding.repair_requested_on else "待送修"

    return "；".join(f"{f.facility.name}：{f.defect}（{stage(f)}）"
                     for f in inspection.findings.all()) or "無"


LEDGERS = [
    RecordLedger(
        "stationed-staff", "移送機關派駐人員", F.SECRETARIAT, StationedStaff,
        forms.StationedStaffForm, date_field="from_date",
        columns=(Column("移送機關", "sending_agency.name"), Column("人數", "headcount", "num"),
                 Column("派駐起日", "from_date", "date"), Column("派駐迄日", "to_date", "date")),
        select_related=("sending_agency",),
        description="派駐人數以報告期間最後一日仍在派駐者計。"),
    RecordLedger(
        "courtesy-tests", "電話禮貌測試", F.SECRETARIAT, CourtesyTest, forms.CourtesyTestForm,
        date_field="tested_on", save=courtesy_test_save,
        columns=(Column("測試日期", "tested_on", "date"), Column("測試單位", "source"),
                 Column("受測人員", "staff_member.name"), Column("職稱", "staff_member.title"),
                 Column("測試人", "tester"), Column("總分", "total", "num")),
        select_related=("staff_member",),
        description="本分署每月抽測 1 次（4 人），行政執行署每月測 1 人；期間平均分數 90 分以上為優等。"),
    RecordLedger(
        "lunch-duty", "午休不打烊輪值", F.SECRETARIAT, LunchDuty, forms.LunchDutyForm,
        date_field="day", save=lunch_duty_save,
        columns=(Column("日期", "day", "date"), Column("輪值人員", "staff_member.name"),
                 Column("諮詢查詢", "served_inquiry", "num"), Column("開單", "served_billing", "num"),
                 Column("繳款", "served_payment", "num"), Column("時數", "hours", "num"),
                 Column("已登錄", "is_logged", "bool")),
        select_related=("staff_member",),
        actions=(("產生輪值表", "ledgers:lunch-roster"),),
        description="中午 12:30～13:30 於一樓服務台輪值；加班費依當日費率計算。"),
    RecordLedger(
        "collections", "超商及勞健保代收案款", F.ACCOUNTING, Collection, forms.CollectionForm,
        date_field="paid_on", save=collection_save, delete=collection_delete,
        columns=(Column("繳款日", "paid_on", "date"), Column("管道", "channel"),
                 Column("超商／機構", "chain"), Column("類別", "category"),
                 Column("案號", "case_number"), Column("金額", "amount", "ntd")),
        actions=(("匯入代收檔案", "ledgers:collection-import"),),
        description="未滿新臺幣 2 萬元之欠款得於便利商店、金融機構或郵局繳納。"),
    RecordLedger(
        "trainings", "內部人員教育訓練", F.PERSONNEL, Training, forms.TrainingForm,
        date_field="held_on",
        columns=(Column("日期", "held_on", "date"), Column("課程主題", "topic"),
                 Column("講座", "speaker"), Column("參加人數", "attendees", "num"),
                 Column("時數", "hours", "num"))),
    RecordLedger(
        "public-welfare", "公益活動", F.SECRETARIAT, PublicWelfareActivity,
        forms.PublicWelfareForm, date_field="first_day",
        columns=(Column("日期", "first_day", "date"), Column("活動名稱", "title"),
                 Column("合作單位", "partner"), Column("人次／小時", "person_hours", "num"),
                 Column("捐血袋數", "bags", "num"))),
    RecordLedger(
        "inspections", "為民服務設施巡查", F.SECRETARIAT, FacilityInspection,
        forms.FacilityInspectionForm, date_field="inspected_on", save=facility_inspection_save,
        columns=(Column("巡查日期", "inspected_on", "date"), Column("巡查人員", "inspector.name"),
                 Column("職稱", "inspector.title"), Column("檢查設施數", "checked_count", "num"),
                 Column("缺失", _findings), Column("備註", "note")),
        select_related=("inspector",), refine=with_checklist,
        actions=(("巡查輪值表", "ledgers:inspection-rota"), ("巡查缺失", "inspection-findings")),
        description="行政執行官及行政科室主管每週輪值巡查為民服務設施。"),
    RecordLedger(
        "inspection-findings", "巡查缺失及修繕", F.SECRETARIAT, InspectionFinding,
        forms.InspectionFindingForm, date_field="inspection.inspected_on",
        agency_path="inspection__agency", save=inspection_finding_save,
        columns=(Column("巡查日期", "inspection.inspected_on", "date"),
                 Column("設施", "facility.name"), Column("缺失情形", "defect"),
                 Column("送修日期", "repair_requested_on", "date"),
                 Column("修復日期", "fixed_on", "date")),
        select_related=("inspection", "facility")),
    RecordLedger(
        "web-links", "相關網站連結", F.STATISTICS, WebLink, forms.WebLinkForm,
        date_field=None,
        columns=(Column("排序", "sort_order", "num"), Column("網站名稱", "title"),
                 Column("網址", "url"), Column("刊登中", "is_active", "bool")),
        actions=(("連結檢測", "ledgers:link-runs"),),
        description="網頁管理與維護由統計室統籌；連結檢測結果列出失效連結。"),
]
BY_SLUG = {ledger.slug: ledger for ledger in LEDGERS}

"""Composing a document from a template and the figures of real records: computed sentences,
blocks, and the checks before issuing. Each test changes records and sees the document follow."""

from datetime import date

import pytest

from servq.core.models import Agency, CalendarDay, StaffMember, Unit
from servq.core.numbers import percent
from servq.core.periods import Period
from servq.reports.compose import compose
from servq.reports.document import Image, Table
from servq.reports.figureset import collect_figures
from servq.reports.language import parse_template
from servq.reports.registry import ReportScope
from servq.reports.sentences import change_sentence, rank, take
from servq.reports.services import template_create
from servq.reports.tests.conftest import Q2


def shilin_document(agencies, source, period=Q2, consolidated=False, agency="sly"):
    scope = ReportScope.for_agency(agencies[agency], period, consolidated=consolidated)
    return compose(parse_template(source), collect_figures(scope))


def table_titled(document, title) -> Table:
    return next(n for n in document.body if isinstance(n, Table) and n.title == title)


def cells(table: Table) -> list[list[str]]:
    return [["".join(r.text for r in cell) for cell in row] for row in table.rows]


def test_it_writes_the_figures_of_the_records_into_the_prose(office_template, office_template_source,
                                                             agencies):
    sections = Unit.objects.filter(agency=agencies["sly"], kind=Unit.Kind.SECTION).count()
    text = shilin_document(agencies, office_template_source).text()
    assert f"本分署現有 {sections} 股" in text
    Unit.objects.filter(agency=agencies["sly"], code="sec-chen").update(is_active=False)
    assert f"本分署現有 {sections - 1} 股" in shilin_document(agencies, office_template_source).text()


def test_it_ranks_months_and_keeps_ties_together(office_template, office_template_source, agencies):
    text = shilin_document(agencies, office_template_source).text()
    assert "上班日比例最高的月份為「6月」（70.0%）" in text  # 21 of 30 days
    assert "最低為「4月」（66.7%）" in text  # 20 of 30 days
    # A typhoon closes the office on a June weekday: June now ties with April at the bottom.
    CalendarDay.objects.create(day=date(2015, 6, 10), is_workday=False, name="颱風停班",
                               agency=agencies["sly"])
    document = shilin_document(agencies, office_template_source)
    assert "最低為「4月」及「6月」（均為66.7%）" in document.text()
    ranking = cells(table_titled(document, "上班日比例排名"))
    assert ranking == [["1", "5月", "67.7%"], ["2", "4月", "66.7%"], ["2", "6月", "66.7%"]]


def test_it_compares_with_the_previous_quarter_from_its_records(office_template,
                                                               office_template_source, agencies):
    def closures(period):
        return CalendarDay.objects.filter(agency__isnull=True, is_workday=False,
                                          day__range=(period.start, period.end),
                                          day__week_day__in=[2, 3, 4, 5, 6]).count()

    now, before = closures(Q2), closures(Q2.previous())
    text = shilin_document(agencies, office_template_source).text()
    expected = f"較上季{'增加' if now > before else '減少'}{abs(now - before)}日"
    assert f"本季放假 {now} 日，{expected}" in text
    # The roster did not change between the quarters: the share is level.
    assert "與上季持平" in change_sentence(1, 1, points=True, unit="", period_kind="quarter")


def test_it_builds_tables_charts_and_record_lists(office_template, office_template_source, agencies):
    document = shilin_document(agencies, office_template_source)
    distribution = cells(table_titled(document, "各月上班日與休息日（單位：%）"))
    assert distribution[0] == ["4月", "66.7%", "33.3%", "30"]
    holidays = cells(table_titled(document, "本期國定假日"))
    names = list(CalendarDay.objects.filter(agency__isnull=True, is_workday=False,
                                            day__range=(Q2.start, Q2.end),
                                            day__week_day__in=[2, 3, 4, 5, 6])
                 .order_by("day").values_list("name", flat=True))
    assert [row[1] for row in holidays] == names
    assert holidays[0][0] == "104年4月3日"
    images = [n for n in document.body if isinstance(n, Image)]
    assert [i.caption for i in images] == ["圖1　各月上班日比例", "圖2　六月上班日與休息日"]
    assert all(i.png.startswith(b"\x89PNG") for i in images)
    assert "（一）104/04/03 兒童節補假" in document.text()


def test_it_warns_of_a_percentage_column_that_does_not_add_up(office_template,
                                                             office_template_source, agencies):
    def percent_checks():
        return [c for c in shilin_document(agencies, office_template_source).checks
                if c.kind == "percent_sum"]

    assert percent_checks() == []
    roster = StaffMember.objects.filter(agency=agencies["sly"])
    leaver = roster.filter(is_enforcement_officer=False).first()
    StaffMember.objects.filter(pk=leaver.pk).update(is_active=False)
    [check] = percent_checks()
    everyone = roster.count()
    officers = roster.filter(is_enforcement_officer=True).count()
    total = percent(officers, everyone) + percent(everyone - officers - 1, everyone)
    assert check.figure == "office.staff_share.percent"
    assert f"合計為 {total}%，不是 100%" in check.message


def test_it_warns_of_a_year_to_date_below_its_quarter(office_template, office_template_source,
                                                      agencies):
    def ytd_checks():
        return [c.figure for c in shilin_document(agencies, office_template_source).checks
                if c.kind == "ytd_below_quarter"]

    assert ytd_checks() == ["office.closures_ytd"]
    quarter = CalendarDay.objects.filter(agency__isnull=True, is_workday=False,
                                         day__range=(Q2.start, Q2.end),
                                         day__week_day__in=[2, 3, 4, 5, 6]).count()
    for day in range(5, 5 + quarter):  # the branch's own closures in January
        CalendarDay.objects.create(day=date(2015, 1, day), is_workday=False, name="停班",
                                   agency=agencies["sly"])
    assert ytd_checks() == []


def test_it_warns_of_a_figure_without_data_until_there_is_some(office_template,
                                                                office_template_source, agencies):
    document = shilin_document(agencies, office_template_source)
    assert "office.first_makeup_day" in [c.figure for c in document.checks if c.kind == "no_data"]
    assert "第一個補班日：本期無補班" in document.text()
    CalendarDay.objects.create(day=date(2015, 6, 13), is_workday=True, name="補行上班")
    document = shilin_document(agencies, office_template_source)
    assert "office.first_makeup_day" not in [c.figure for c in document.checks]
    assert "第一個補班日：104年6月13日" in document.text()


def test_it_pools_a_consolidated_report_and_compares_the_branches(office_template,
                                                                  office_template_source, agencies):
    hq = agencies["aee"]
    template_create(agency=hq, code="default", name="彙整報告", source=office_template_source,
                    reference_period=Q2)
    document = shilin_document(agencies, office_template_source, consolidated=True, agency="aee")
    comparison = cells(table_titled(document, "各分署比較"))
    branches = Agency.objects.filter(parent=hq).count()
    assert len(comparison) == branches + 1 and comparison[-1][0] == "合計"
    assert sum(int(row[1]) for row in comparison[:-1]) == int(comparison[-1][1])
    shilin = next(row for row in comparison if row[0] == "士林分署")
    assert int(shilin[1]) == Unit.objects.filter(agency=agencies["sly"], kind="section").count()
    # A branch report has no comparison table.
    assert not any(isinstance(n, Table) and n.title == "各分署比較"
                   for n in shilin_document(agencies, office_template_source).body)


def test_it_marks_a_figure_gone_since_the_template_was_saved_instead_of_failing(
        office_template, agencies):
    document = shilin_document(agencies, "# 甲\n共 {{ org.vanished }} 人。\n")
    assert "共 ⚠ 人。" in document.text()
    assert any("org.vanished" in c.message for c in document.checks if c.kind == "render")


@pytest.mark.parametrize("values, n, expected", [
    ({"a": 90, "b": 95, "c": 95, "d": 80}, 1, [("b", 1), ("c", 1)]),
    ({"a": 90, "b": 95, "c": 95, "d": 80}, 2, [("b", 1), ("c", 1)]),
    ({"a": 90, "b": 95, "c": 95, "d": 80}, 3, [("b", 1), ("c", 1), ("a", 3)]),
    ({"a": None, "b": 1}, 5, [("b", 1)]),
])
def test_it_takes_the_top_items_without_splitting_ties(values, n, expected):
    ranked = take(rank(values, by=None, keys=list(values), labels=None), n)
    assert [(item.key, item.rank) for item in ranked] == expected


@pytest.mark.parametrize("current, previous, points, expected", [
    (92.3, 88.5, True, "較上季上升3.8個百分點"),
    (88.5, 92.3, True, "較上季下降3.8個百分點"),
    (50, 50, True, "與上季持平"),
    (19, 12, False, "較上季增加7件"),
    (None, 12, False, "上季無資料可資比較"),
])
def test_it_writes_the_change_against_the_previous_quarter(current, previous, points, expected):
    assert change_sentence(current, previous, points=points, unit="件", period_kind="quarter") == expected


def test_it_reads_figures_in_queries_that_do_not_grow_with_the_records(office_template, agencies):
    """Every provider is registered here; more records must not mean more queries (no N+1)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    scope = ReportScope.for_agency(agencies["sly"], Period.parse("2015Q2"))
    with CaptureQueriesContext(connection) as before:
        collect_figures(scope)
    shilin = agencies["sly"]
    section = Unit.objects.filter(agency=shilin, kind=Unit.Kind.SECTION).first()
    StaffMember.objects.bulk_create(
        StaffMember(agency=shilin, unit=section, name=f"測試{n}", title="執行員") for n in range(20))
    CalendarDay.objects.create(day=date(2015, 5, 15), is_workday=False, name="測試停班")
    with CaptureQueriesContext(connection) as after:
        collect_figures(scope)
    assert len(after) == len(before)

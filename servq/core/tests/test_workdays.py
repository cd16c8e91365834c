from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command

from servq.core.models import CalendarDay
from servq.core.tabular import ImportRejected, open_table
from servq.core.calendar_import import calendar_import
from servq.core.workdays import add_workdays, is_workday, workdays_between


def test_it_skips_weekends_and_holidays(office_calendar_2015):
    # Thu 2015-02-12 + 5 workdays: 13, 16, 17 then the Lunar New Year (18-23) -> 24, 25.
    assert add_workdays(date(2015, 2, 12), 5) == date(2015, 2, 25)
    # Thu 2015-04-02 + 1: Fri 4/3 and Mon 4/6 are holidays -> Tue 4/7.
    assert add_workdays(date(2015, 4, 2), 1) == date(2015, 4, 7)
    assert add_workdays(date(2015, 6, 30), 0) == date(2015, 6, 30)
    assert not is_workday(date(2015, 6, 19))
    assert workdays_between(date(2015, 4, 2), date(2015, 4, 7)) == 1


def test_it_counts_make_up_workdays_and_agency_closures(agencies, office_calendar_2015):
    CalendarDay.objects.create(day=date(2015, 6, 27), is_workday=True, name="補行上班")
    assert add_workdays(date(2015, 6, 26), 1) == date(2015, 6, 27)
    # A typhoon closure in Shilin only.
    CalendarDay.objects.create(day=date(2015, 8, 7), is_workday=False, name="颱風停班",
                               agency=agencies["sly"])
    assert add_workdays(date(2015, 8, 6), 1, agencies["sly"]) == date(2015, 8, 10)
    assert add_workdays(date(2015, 8, 6), 1, agencies["tpy"]) == date(2015, 8, 7)


def test_it_crosses_the_year_end(office_calendar_2015):
    # Thu 2015-12-31 + 1: 2016 has no calendar loaded yet, so Fri 2016-01-01 counts by weekday.
    assert add_workdays(date(2015, 12, 30), 1) == date(2015, 12, 31)
    assert add_workdays(date(2015, 12, 31), 2) == date(2016, 1, 4)


def test_it_replaces_a_years_exceptions_on_reimport(db, tmp_path):
    path = tmp_path / "cal.csv"
    days = [(date(2016, 1, 1) + timedelta(days=n)) for n in range(366)]
    rows = ["西元日期,星期,是否放假,備註"] + [
        f"{d:%Y%m%d},x,{'2' if d.weekday() >= 5 or d == date(2016, 1, 1) else '0'},"
        for d in days]
    path.write_text("\n".join(rows), encoding="utf-8")
    assert calendar_import(table=open_table(path)) == {2016: 1}
    assert calendar_import(table=open_table(path)) == {2016: 1}
    assert CalendarDay.objects.filter(day__year=2016).count() == 1


def test_it_refuses_a_bad_calendar_and_names_the_row(db, tmp_path):
    path = tmp_path / "cal.csv"
    path.write_text("西元日期,星期,是否放假,備註\n20150101,四,2,\n20150230,一,0,\n"
                    "20150105,一,1,\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as rejected:
        calendar_import(table=open_table(path))
    text = rejected.value.summary()
    assert "第 3 列，欄位「西元日期」，值「20150230」" in text
    assert "第 4 列，欄位「是否放假」，值「1」" in text
    assert not CalendarDay.objects.exists()
    with pytest.raises(CommandError, match="20150230"):
        call_command("import_calendar", str(path))

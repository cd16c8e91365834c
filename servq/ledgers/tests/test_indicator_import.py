from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from servq.core.tabular import ImportRejected, csv_bytes, open_table
from servq.ledgers.models import IndicatorValue
from servq.ledgers.services.indicators import indicator_import

HEADER = ["indicator", "month", "category", "value"]


def write(tmp_path, rows, name="values.csv", header=HEADER):
    path = tmp_path / name
    path.write_bytes(csv_bytes(header, rows))
    return path


def run(agency, path, **kwargs):
    return indicator_import(agency=agency, table=open_table(path), file_name=path.name, **kwargs)


def test_it_imports_values_and_they_become_figures(cast, tmp_path, figures):
    path = write(tmp_path, [["case_inquiries", "2015-04", "onsite", "120"],
                            ["case_inquiries", "2015-04", "phone", "1,080"],
                            ["egate_edocs", "2015-05", "", "233"]])
    assert run(cast.sly, path) == 3
    result = figures(cast.sly)
    assert result["case_inquiries"]["value"] == 1_200
    assert result["egate_edocs"]["value"] == 233


def test_it_imports_an_xlsx_file_with_month_cells_as_dates(cast, tmp_path, figures):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["cross_agency_meetings", date(2015, 6, 1), None, 5])
    path = tmp_path / "meetings.xlsx"
    workbook.save(path)
    run(cast.sly, path)
    assert figures(cast.sly)["cross_agency_meetings"]["value"] == 5


def test_it_replaces_earlier_values_of_the_same_cell(cast, tmp_path):
    run(cast.sly, write(tmp_path, [["egate_edocs", "2015-05", "", "233"]], "a.csv"))
    run(cast.sly, write(tmp_path, [["egate_edocs", "2015-05", "", "240"]], "b.csv"))
    assert IndicatorValue.objects.get(agency=cast.sly).value == 240


def test_it_names_every_bad_row_and_imports_nothing(cast, tmp_path):
    path = write(tmp_path, [
        ["egate_edocs", "2015-05", "", "10"],          # fine, but the file is refused
        ["no_such_code", "2015-05", "", "1"],
        ["case_inquiries", "2015/05", "onsite", "1"],
        ["case_inquiries", "2015-05", "", "1"],
        ["case_inquiries", "2015-05", "fax", "1"],
        ["egate_edocs", "2015-06", "x", "1"],
        ["egate_edocs", "2015-07", "", "-4"],
        ["egate_edocs", "2015-05", "", "11"],
    ])
    with pytest.raises(ImportRejected) as refused:
        run(cast.sly, path)
    messages = [str(p) for p in refused.value.problems]
    assert messages == [
        "第 3 列，欄位「indicator」，值「no_such_code」：沒有這個統計項目代碼",
        "第 4 列，欄位「month」，值「2015/05」：月份格式應為 YYYY-MM（例如 2015-06）",
        "第 5 列，欄位「category」：此項目必須填分類；可用的分類為：onsite、phone、web、copy",
        "第 6 列，欄位「category」，值「fax」：不認得的分類；可用的分類為：onsite、phone、web、copy",
        "第 7 列，欄位「category」，值「x」：此項目沒有分類，請留空",
        "第 8 列，欄位「value」，值「-4」：應為 0 以上的整數",
        "第 9 列，欄位「month」，值「2015-05」：與第 2 列重複（同一項目、月份與分類）",
    ]
    assert not IndicatorValue.objects.exists()


def test_it_refuses_missing_columns_and_the_same_file_twice(cast, tmp_path):
    with pytest.raises(ImportRejected, match="缺少必要欄位"):
        run(cast.sly, write(tmp_path, [["egate_edocs", "1"]], header=["indicator", "value"]))
    path = write(tmp_path, [["egate_edocs", "2015-05", "", "10"]])
    run(cast.sly, path)
    with pytest.raises(ImportRejected, match="同一檔案已於"):
        run(cast.sly, path)
    assert IndicatorValue.objects.get().value == 10


def test_it_refuses_rows_of_indicators_another_office_keeps(cast, tmp_path):
    path = write(tmp_path, [["egate_accounting_epay", "2015-05", "", "10"]])
    with pytest.raises(ImportRejected, match="此項目由會計登錄，您沒有權限"):
        run(cast.sly, path, may_edit=lambda office: office == "secretariat")
    assert not IndicatorValue.objects.exists()


def test_it_imports_through_the_staff_page_with_the_users_offices(cast, client_for, tmp_path):
    url = reverse("ledgers:indicator-import", args=["sly"])
    path = write(tmp_path, [["egate_accounting_epay", "2015-05", "", "6"]])
    with path.open("rb") as handle:
        page = client_for(cast.secretariat).post(url, {"file": handle}).content.decode()
    assert "此項目由會計登錄，您沒有權限" in page and not IndicatorValue.objects.exists()
    with path.open("rb") as handle:
        response = client_for(cast.accounting).post(url, {"file": handle})
    assert response.status_code == 302 and IndicatorValue.objects.get().value == 6
    assert client_for(cast.director).get(url).status_code == 403


def test_it_imports_from_the_command_line(cast, tmp_path, figures):
    path = write(tmp_path, [["cross_agency_meetings", "2015-03", "", "1"]])
    call_command("import_indicators", str(path), agency="sly")
    assert figures(cast.sly)["cross_agency_meetings"]["value"] == 1
    with pytest.raises(CommandError, match="同一檔案已於"):
        call_command("import_indicators", str(path), agency="sly")

from datetime import date

import pytest
from openpyxl import Workbook

from servq.core.tabular import ImportRejected, check_columns, csv_bytes, open_table


def test_it_reads_csv_with_and_without_bom_alike(tmp_path):
    with_bom, without = tmp_path / "a.csv", tmp_path / "b.csv"
    with_bom.write_bytes(csv_bytes(["submitted_on", "env_a"], [["2015-04-01", "5"]]))
    without.write_bytes(with_bom.read_bytes()[3:])
    for path in (with_bom, without):
        table = open_table(path)
        assert table.columns == ["submitted_on", "env_a"]
        assert list(table.rows()) == [(2, ["2015-04-01", "5"])]


def test_it_reads_xlsx_dates_and_numbers_as_text(tmp_path):
    workbook = Workbook()
    workbook.active.append(["submitted_on", "env_a", "note"])
    workbook.active.append([date(2015, 4, 1), 5.0, None])
    workbook.save(tmp_path / "a.xlsx")
    table = open_table(tmp_path / "a.xlsx")
    assert list(table.rows()) == [(2, ["2015-04-01", "5", ""])]


def test_it_refuses_big5_and_unknown_types(tmp_path):
    (tmp_path / "big5.csv").write_bytes("日期,題目\n".encode("big5"))
    with pytest.raises(ImportRejected, match="UTF-8"):
        open_table(tmp_path / "big5.csv")
    (tmp_path / "a.xls").write_bytes(b"\xd0\xcf")
    with pytest.raises(ImportRejected, match="xlsx"):
        open_table(tmp_path / "a.xls")


def test_it_names_missing_unknown_and_repeated_columns(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(["a", "zzz", "a"], []))
    problems = [str(p) for p in check_columns(open_table(path), required=["a", "b"])]
    assert "第 1 列，欄位「zzz」：不認得的欄位；可用的欄位為：a、b" in problems
    assert "第 1 列，欄位「a」：欄位名稱重複" in problems
    assert "第 1 列，欄位「b」：缺少必要欄位" in problems

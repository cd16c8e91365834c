"""A small table as a download: ODS (the government's exchange format), XLSX or CSV."""

import io
from decimal import Decimal
from urllib.parse import quote

from django.http import HttpResponse

from servq.core.tabular import csv_bytes

FORMATS = {
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _cell(value):
    return float(value) if isinstance(value, Decimal) else value


def _ods(title: str, header: list[str], rows: list[list]) -> bytes:
    from odfdo import Document, Table

    document = Document("spreadsheet")
    document.body.clear()
    table = Table(title[:31])
    table.set_values([header, *[[_cell(v) for v in row] for row in rows]])
    document.body.append(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx(title: str, header: list[str], rows: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_bytes(fmt: str, *, title: str, header: list[str], rows: list[list]) -> bytes:
    if fmt == "ods":
        return _ods(title, header, rows)
    if fmt == "xlsx":
        return _xlsx(title, header, rows)
    if fmt == "csv":
        return csv_bytes(header, rows)
    raise ValueError(f"unknown format {fmt!r}")


def table_response(fmt: str, *, title: str, header: list[str], rows: list[list],
                   filename: str) -> HttpResponse:
    response = HttpResponse(table_bytes(fmt, title=title, header=header, rows=rows),
                            content_type=FORMATS[fmt])
    name = f"{filename}.{fmt}"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response

"""Reading import files (CSV as Excel writes it, or XLSX) and reporting what is wrong with them.

Every import in servq is all or nothing: it collects Problems (row, column, value, why) while
validating, and raises ImportRejected with all of them before writing anything.
"""

import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

MAX_PROBLEMS_SHOWN = 50


@dataclass(frozen=True)
class Problem:
    row: int | None  # the line in the file (the header is line 1)
    column: str | None
    value: object
    message: str

    def __str__(self) -> str:
        parts = []
        if self.row is not None:
            parts.append(f"第 {self.row} 列")
        if self.column:
            parts.append(f"欄位「{self.column}」")
        if self.value not in (None, ""):
            parts.append(f"值「{self.value}」")
        where = "，".join(parts)
        return f"{where}：{self.message}" if where else self.message


class ImportRejected(Exception):
    """The file was refused; nothing was imported."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.summary())

    def summary(self) -> str:
        lines = [str(p) for p in self.problems[:MAX_PROBLEMS_SHOWN]]
        hidden = len(self.problems) - len(lines)
        if hidden > 0:
            lines.append(f"……另有 {hidden} 項問題未列出")
        lines.append(f"共 {len(self.problems)} 項問題，未匯入任何資料。")
        return "\n".join(lines)


class Table:
    """Columns and rows of a CSV or XLSX file; rows are lists of stripped strings."""

    def __init__(self, columns: list[str], rows: Iterator[list[str]], digest: str):
        self.columns = columns
        self._rows = rows
        self.digest = digest  # sha256 of the file's bytes, to spot the same file imported twice

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells padded to the header's width)."""
        width = len(self.columns)
        for line, cells in enumerate(self._rows, start=2):
            if not any(cells):
                continue  # blank lines, as spreadsheets leave at the end
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            yield line, cells

    def index(self, column: str) -> int | None:
        return self.columns.index(column) if column in self.columns else None


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else \
            value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_table(path: str | Path) -> Table:
    """Open a .csv (UTF-8, with or without BOM) or .xlsx file. ImportRejected if unreadable."""
    path = Path(path)
    if not path.exists():
        raise ImportRejected([Problem(None, None, str(path), "找不到檔案")])
    suffix = path.suffix.lower()
    digest = _file_digest(path)
    if suffix == ".xlsx":
        return _open_xlsx(path, digest)
    if suffix in {".csv", ".txt"}:
        return _open_csv(path, digest)
    raise ImportRejected([Problem(None, None, path.name, "只接受 .csv（UTF-8）或 .xlsx 檔案")])


def _open_csv(path: Path, digest: str) -> Table:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            handle.read(1 << 16)  # fail early on a file that is not UTF-8 (e.g. Big5)
    except UnicodeDecodeError:
        raise ImportRejected([Problem(None, None, path.name,
                                      "檔案不是 UTF-8 編碼；請在 Excel 另存為「CSV UTF-8」")]) from None

    def rows() -> Iterator[list[str]]:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)
            try:
                for cells in reader:
                    yield [cell.strip() for cell in cells]
            except UnicodeDecodeError as error:
                raise ImportRejected([Problem(reader.line_num + 1, None, None,
                                              f"檔案含有非 UTF-8 字元（{error.reason}）")]) from None

    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), None)
    if not header:
        raise ImportRejected([Problem(1, None, None, "檔案是空的：第一列必須是欄位名稱")])
    return Table([name.strip() for name in header], rows(), digest)


def _open_xlsx(path: Path, digest: str) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as error:
        raise ImportRejected([Problem(None, None, path.name, f"無法讀取 XLSX 檔案（{error}）")]) \
            from None
    sheet = workbook.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header = next(values, None)
    if not header or not any(header):
        raise ImportRejected([Problem(1, None, None, "工作表是空的：第一列必須是欄位名稱")])
    columns = [_cell_text(name) for name in header]
    while columns and not columns[-1]:
        columns.pop()

    def rows() -> Iterator[list[str]]:
        for cells in values:
            yield [_cell_text(value) for value in cells[: len(columns)]]
        workbook.close()

    return Table(columns, rows(), digest)


def check_columns(table: Table, *, required: list[str], optional: list[str] = ()) -> list[Problem]:
    """Missing, unknown and repeated column names, each its own problem."""
    problems = []
    known = set(required) | set(optional)
    seen = set()
    for name in table.columns:
        if name in seen:
            problems.append(Problem(1, name, None, "欄位名稱重複"))
        seen.add(name)
        if name not in known:
            problems.append(Problem(1, name, None,
                                    f"不認得的欄位；可用的欄位為：{'、'.join([*required, *optional])}"))
    for name in required:
        if name not in seen:
            problems.append(Problem(1, name, None, "缺少必要欄位"))
    return problems


def parse_iso_date(text: str) -> date:
    """YYYY-MM-DD, strictly (ValueError with a Chinese message otherwise)."""
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("日期格式應為 YYYY-MM-DD（例如 2015-06-30）且須為有效日期") from None


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """A small CSV as Excel reads it (UTF-8 with BOM), values as given (import files in
    tests). Downloads go through spreadsheets.csv_of, which escapes formulas first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")

"""What the ledgers' views share: reading the year asked for, and uploaded import files."""

import tempfile
from contextlib import contextmanager
from pathlib import Path

from django import forms
from django.utils import timezone

from servq.core.tabular import ImportRejected, Table, open_table

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


def year_param(request, default: int | None = None) -> int:
    try:
        year = int(request.GET.get("year", ""))
        if 1912 <= year <= 2200:
            return year
    except ValueError:
        pass
    return default or timezone.localdate().year


class UploadForm(forms.Form):
    file = forms.FileField(label="檔案（CSV UTF-8 或 XLSX）")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in {".csv", ".xlsx"}:
            raise forms.ValidationError("只接受 .csv（UTF-8）或 .xlsx 檔案。")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("檔案過大（上限 200 MB）。")
        return upload


@contextmanager
def uploaded_table(upload):
    """The upload as a Table (open_table reads files from disk); the copy is removed after."""
    suffix = Path(upload.name).suffix.lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        table: Table = open_table(copy.name)
        yield table


def run_upload(form: UploadForm, run_import) -> tuple[int | None, list[str] | None]:
    """Import the form's file with `run_import(table=..., file_name=...)`: (rows, None) when
    imported, (None, problems) when refused."""
    upload = form.cleaned_data["file"]
    try:
        with uploaded_table(upload) as table:
            return run_import(table=table, file_name=upload.name), None
    except ImportRejected as rejected:
        return None, [str(problem) for problem in rejected.problems]

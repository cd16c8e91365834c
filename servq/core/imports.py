"""Bookkeeping shared by every import: the same file is imported once per agency and kind."""

from django.utils import timezone

from .models import Agency, ImportBatch
from .roc_dates import roc_date
from .tabular import ImportRejected, Problem, Table


def import_batch_register(*, agency: Agency | None, kind: str, table: Table, file_name: str,
                          rows: int, actor=None) -> ImportBatch:
    """Record the import (call inside the import's transaction); refuse a file seen before."""
    earlier = ImportBatch.objects.filter(agency=agency, kind=kind, sha256=table.digest).first()
    if earlier is not None:
        when = roc_date(timezone.localtime(earlier.imported_at).date())
        raise ImportRejected([Problem(None, None, file_name,
                                      f"同一檔案已於{when}匯入（批次 #{earlier.pk}，檔名 "
                                      f"{earlier.file_name}），不再重複匯入")])
    return ImportBatch.objects.create(agency=agency, kind=kind, file_name=file_name,
                                      sha256=table.digest, rows=rows, imported_by=actor)

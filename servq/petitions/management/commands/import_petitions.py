"""python manage.py import_petitions FILE --agency CODE (CSV UTF-8 or XLSX; all or nothing)."""

from servq.core.management.import_command import ImportFileCommand
from servq.petitions.imports import OPTIONAL, REQUIRED, petitions_import


class Command(ImportFileCommand):
    help = ("匯入歷史陳情案件。欄位：" + "、".join(REQUIRED) + "（必要），"
            + "、".join(OPTIONAL) + "（可空白）")

    def run_import(self, *, agency, table, file_name, options) -> str:
        batch = petitions_import(agency=agency, table=table, file_name=file_name)
        return f"已匯入 {batch.rows} 件陳情案件（批次 #{batch.pk}）"

"""python manage.py import_petitions FILE --agency CODE (CSV UTF-8 or XLSX; all or nothing)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from servq.core.models import Agency
from servq.core.tabular import ImportRejected, open_table
from servq.petitions.imports import OPTIONAL, REQUIRED, petitions_import


class Command(BaseCommand):
    help = ("匯入歷史陳情案件。欄位：" + "、".join(REQUIRED) + "（必要），"
            + "、".join(OPTIONAL) + "（可空白）")

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV（UTF-8）或 XLSX 檔")
        parser.add_argument("--agency", required=True, help="機關代碼，例如 sly")

    def handle(self, *args, file, agency, **options):
        try:
            agency_obj = Agency.objects.get(code=agency)
        except Agency.DoesNotExist:
            raise CommandError(f"找不到機關代碼 {agency!r}") from None
        try:
            batch = petitions_import(agency=agency_obj, table=open_table(file),
                                     file_name=Path(file).name)
        except ImportRejected as rejected:
            raise CommandError("匯入失敗：\n" + rejected.summary()) from None
        self.stdout.write(f"已匯入 {batch.rows} 件陳情案件（批次 #{batch.pk}）。")

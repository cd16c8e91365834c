"""python manage.py import_indicators FILE --agency CODE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from servq.core.models import Agency
from servq.core.tabular import ImportRejected, open_table
from servq.ledgers.services.indicators import indicator_import


class Command(BaseCommand):
    help = "匯入每月統計數值（欄位 indicator, month, category, value；全有或全無）"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--agency", required=True, help="機關代碼，例如 sly")

    def handle(self, *args, file, agency, **options):
        try:
            agency_obj = Agency.objects.get(code=agency)
        except Agency.DoesNotExist:
            raise CommandError(f"找不到機關代碼 {agency!r}") from None
        try:
            rows = indicator_import(agency=agency_obj, table=open_table(file),
                                    file_name=Path(file).name)
        except ImportRejected as rejected:
            raise CommandError("檔案未匯入：\n" + rejected.summary()) from None
        self.stdout.write(self.style.SUCCESS(f"已匯入 {rows:,} 列（{agency_obj.short_name}）。"))

"""python manage.py import_collections FILE --agency CODE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from servq.core.models import Agency
from servq.core.tabular import ImportRejected, open_table
from servq.ledgers.services.collections import collection_import


class Command(BaseCommand):
    help = "匯入超商、金融機構及郵局代收案款（CSV UTF-8 或 XLSX；全有或全無）"

    def add_arguments(self, parser):
        parser.add_argument("file", help="paid_on, channel, chain, category, case_number, amount")
        parser.add_argument("--agency", required=True, help="機關代碼，例如 sly")

    def handle(self, *args, file, agency, **options):
        try:
            agency_obj = Agency.objects.get(code=agency)
        except Agency.DoesNotExist:
            raise CommandError(f"找不到機關代碼 {agency!r}") from None
        try:
            rows = collection_import(agency=agency_obj, table=open_table(file),
                                     file_name=Path(file).name)
        except ImportRejected as rejected:
            raise CommandError("檔案未匯入：\n" + rejected.summary()) from None
        self.stdout.write(self.style.SUCCESS(f"已匯入 {rows:,} 筆代收案款（{agency_obj.short_name}）。"))

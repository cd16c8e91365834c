"""python manage.py import_calendar FILE  (the DGPA office calendar CSV or XLSX)"""

from django.core.management.base import BaseCommand, CommandError

from servq.core.calendar_import import calendar_import
from servq.core.tabular import ImportRejected, open_table


class Command(BaseCommand):
    help = "匯入行政院人事行政總處公布之政府行政機關辦公日曆表（CSV 或 XLSX）"

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            years = calendar_import(table=open_table(file))
        except ImportRejected as rejected:
            raise CommandError(rejected.summary()) from None
        for year, count in sorted(years.items()):
            self.stdout.write(f"{year} 年：{count} 個例外日（放假或補班）")

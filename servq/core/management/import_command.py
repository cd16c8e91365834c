"""What the import commands share: a file, an agency code, all-or-nothing reporting."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from servq.core.models import Agency
from servq.core.tabular import ImportRejected, Table, open_table


class ImportFileCommand(BaseCommand):
    """Subclasses implement run_import and return the line that says what was imported."""

    def run_import(self, *, agency: Agency, table: Table, file_name: str, options: dict) -> str:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV（UTF-8）或 XLSX 檔案")
        parser.add_argument("--agency", required=True, help="機關代碼，例如 sly")

    def handle(self, *args, file, agency, **options):
        try:
            agency_obj = Agency.objects.get(code=agency)
        except Agency.DoesNotExist:
            raise CommandError(f"找不到機關代碼「{agency}」") from None
        try:
            done = self.run_import(agency=agency_obj, table=open_table(file),
                                   file_name=Path(file).name, options=options)
        except ImportRejected as rejected:
            raise CommandError(rejected.summary()) from None
        self.stdout.write(self.style.SUCCESS(f"{done}（{agency_obj.short_name}）"))

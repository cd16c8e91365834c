"""python manage.py build_report --agency sly --period 2015Q2 --format json --output -"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from servq.core.models import Agency
from servq.core.periods import Period
from servq.reports.jsonfigures import figures_to_json
from servq.reports.registry import ReportScope, collect

FORMATS = ["json"]


class Command(BaseCommand):
    help = "產生成果報告（目前提供 JSON 格式的全部數據）"

    def add_arguments(self, parser):
        parser.add_argument("--agency", required=True, help="機關代碼，例如 sly")
        parser.add_argument("--period", required=True, help="期間，例如 2015Q2")
        parser.add_argument("--format", default="json", choices=FORMATS)
        parser.add_argument("--output", default="-", help="輸出檔案路徑；- 為標準輸出")
        parser.add_argument("--consolidated", action="store_true",
                            help="合併所屬各分署（署本部彙整報告）")

    def handle(self, *args, agency, period, format, output, consolidated, **options):
        try:
            agency_obj = Agency.objects.get(code=agency)
        except Agency.DoesNotExist:
            raise CommandError(f"找不到機關代碼 {agency!r}") from None
        try:
            period_obj = Period.parse(period)
        except ValueError as error:
            raise CommandError(str(error)) from None
        scope = ReportScope.for_agency(agency_obj, period_obj, consolidated=consolidated)
        text = figures_to_json(collect(scope)) + "\n"
        if output == "-":
            self.stdout.write(text, ending="")
        else:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(text, encoding="utf-8")
            self.stderr.write(f"已寫入 {output}")

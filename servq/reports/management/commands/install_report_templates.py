"""python manage.py install_report_templates [--agency CODE] [--period 2015Q2] [--check]"""

from django.core.management.base import BaseCommand, CommandError

from servq.core.models import Agency
from servq.reports.defaults import ProvidersMissing, install_default_templates


class Command(BaseCommand):
    help = "安裝（或更新）各機關的預設成果報告範本；先以實際數據檢查每個數據名稱"

    def add_arguments(self, parser):
        parser.add_argument("--agency", action="append", help="機關代碼（可重複）；預設為全部機關")
        parser.add_argument("--period", default="2015Q2", help="檢查數據名稱所用的期間")
        parser.add_argument("--check", action="store_true", help="只檢查，不儲存")

    def handle(self, *args, agency, period, check, **options):
        agencies = None
        if agency:
            agencies = list(Agency.objects.filter(code__in=agency))
            unknown = set(agency) - {a.code for a in agencies}
            if unknown:
                raise CommandError(f"找不到機關代碼：{'、'.join(sorted(unknown))}")
        try:
            results = install_default_templates(agencies=agencies, reference_period=period,
                                                check_only=check)
        except ProvidersMissing as error:
            raise CommandError(str(error)) from None
        failed = False
        for result in results:
            if result.errors:
                failed = True
                self.stderr.write(f"{result.agency.short_name}：範本有 {len(result.errors)} 個錯誤")
                for error in result.errors:
                    self.stderr.write(f"  {error}")
            elif check:
                self.stdout.write(f"{result.agency.short_name}：範本正確")
            else:
                state = "已安裝" if result.created else "未變更"
                self.stdout.write(f"{result.agency.short_name}：第 {result.version_number} 版（{state}）")
        if failed:
            raise CommandError("預設範本未通過檢查")

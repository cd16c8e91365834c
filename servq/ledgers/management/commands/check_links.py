"""python manage.py check_links [--agency CODE] [--workers N] [--timeout SECONDS]"""

from django.core.management.base import BaseCommand, CommandError

from servq.core.models import Agency
from servq.ledgers.linkcheck import DEFAULT_TIMEOUT, DEFAULT_WORKERS
from servq.ledgers.models import WebLink
from servq.ledgers.services.links import LinkCheckBusy, link_check_run


class Command(BaseCommand):
    help = "檢測各機關網站的相關網站連結，記錄每次結果並列出失效連結"

    def add_arguments(self, parser):
        parser.add_argument("--agency", help="機關代碼；省略則檢測所有有連結的機關")
        parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS, help="同時連線數")
        parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                            help="每次連線的逾時秒數")

    def handle(self, *args, agency, workers, timeout, **options):
        if agency:
            agencies = list(Agency.objects.filter(code=agency))
            if not agencies:
                raise CommandError(f"找不到機關代碼 {agency!r}")
        else:
            ids = WebLink.objects.filter(is_active=True).values("agency_id").distinct()
            agencies = list(Agency.objects.filter(pk__in=ids))
        status = 0
        for each in agencies:
            try:
                run = link_check_run(agency=each, workers=workers, timeout=timeout)
            except LinkCheckBusy as busy:
                self.stderr.write(str(busy))
                status = 1
                continue
            self.stdout.write(f"{each.short_name}：檢測 {run.checked} 個，正常 {run.healthy} 個，"
                              f"失效 {run.broken} 個")
            for result in run.results.filter(ok=False).order_by("pk"):
                self.stdout.write(f"  失效 {result.title} {result.url} "
                                  f"{result.status_code or ''} {result.error}".rstrip())
        if status:
            raise CommandError("部分機關未檢測（已有檢測進行中）。")

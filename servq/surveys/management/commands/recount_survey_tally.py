"""python manage.py recount_survey_tally [--agency CODE ...] [--fix]

Recounts the questionnaire's monthly tallies from the raw answers and lists every difference;
with --fix, replaces the tallies of the agencies checked by the recount. Exit status 1 when
differences were found and not fixed, so a scheduled run can alert someone.
"""

from django.core.management.base import BaseCommand, CommandError

from servq.core.models import Agency
from servq.surveys.tally import tally_compare, tally_rebuild

SHOWN = 50


class Command(BaseCommand):
    help = "以原始答案重新計算問卷月統計並比對差異（--fix 以重新計算結果取代）"

    def add_arguments(self, parser):
        parser.add_argument("--agency", action="append", help="機關代碼（可重複；預設全部機關）")
        parser.add_argument("--fix", action="store_true", help="以重新計算的結果取代月統計")

    def handle(self, *args, agency, fix, **options):
        agency_ids = None
        if agency:
            found = dict(Agency.objects.filter(code__in=agency).values_list("code", "pk"))
            missing = sorted(set(agency) - set(found))
            if missing:
                raise CommandError(f"找不到機關代碼：{'、'.join(missing)}")
            agency_ids = list(found.values())
        differences = tally_compare(agency_ids=agency_ids)
        for difference in differences[:SHOWN]:
            self.stdout.write(str(difference))
        if len(differences) > SHOWN:
            self.stdout.write(f"……另有 {len(differences) - SHOWN} 項差異")
        if not differences:
            self.stdout.write(self.style.SUCCESS("月統計與原始答案一致。"))
            return
        if fix:
            tally_rebuild(agency_ids=agency_ids)
            self.stdout.write(self.style.SUCCESS(f"已修正 {len(differences)} 項差異。"))
            return
        self.stderr.write(f"共 {len(differences)} 項差異；以 --fix 修正。")
        raise SystemExit(1)

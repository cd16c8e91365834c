"""python manage.py import_responses FILE --agency CODE [--questionnaire CODE[@VERSION]]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from servq.core.models import Agency
from servq.core.tabular import ImportRejected, open_table
from servq.surveys.importing import survey_responses_import
from servq.surveys.structure import load_structure, questionnaire_for_import


class Command(BaseCommand):
    help = ("匯入問卷填答（CSV UTF-8 或 XLSX）：欄位 submitted_on、channel、serial（可省略），"
            "以及每一題的題號；全部正確才匯入，有任何錯誤則不匯入任何資料")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--agency", required=True, help="機關代碼，例如 sly")
        parser.add_argument("--questionnaire", help="問卷代碼（或 代碼@版次）；預設為目前適用的問卷")

    def handle(self, *args, file, agency, questionnaire, **options):
        try:
            agency_obj = Agency.objects.get(code=agency)
        except Agency.DoesNotExist:
            raise CommandError(f"找不到機關代碼「{agency}」") from None
        try:
            chosen = questionnaire_for_import(agency_obj, questionnaire, timezone.localdate())
        except ValueError as error:
            raise CommandError(str(error)) from None
        try:
            table = open_table(file)
            result = survey_responses_import(table=table, agency=agency_obj,
                                             structure=load_structure(chosen),
                                             file_name=Path(file).name)
        except ImportRejected as rejected:
            raise CommandError(rejected.summary()) from None
        self.stdout.write(f"已匯入 {result.responses} 份問卷（{result.answers} 個答案）至"
                          f"{agency_obj.short_name}「{chosen}」，批次 #{result.batch.pk}")

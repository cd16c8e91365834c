"""python manage.py import_responses FILE --agency CODE [--questionnaire CODE[@VERSION]]"""

from django.core.management.base import CommandError
from django.utils import timezone

from servq.core.management.import_command import ImportFileCommand
from servq.surveys.importing import survey_responses_import
from servq.surveys.structure import load_structure, questionnaire_for_import


class Command(ImportFileCommand):
    help = ("匯入問卷填答（CSV UTF-8 或 XLSX）：欄位 submitted_on、channel、serial（可省略），"
            "以及每一題的題號；全部正確才匯入，有任何錯誤則不匯入任何資料")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--questionnaire", help="問卷代碼（或 代碼@版次）；預設為目前適用的問卷")

    def run_import(self, *, agency, table, file_name, options) -> str:
        try:
            chosen = questionnaire_for_import(agency, options["questionnaire"],
                                              timezone.localdate())
        except ValueError as error:
            raise CommandError(str(error)) from None
        result = survey_responses_import(table=table, agency=agency,
                                         structure=load_structure(chosen), file_name=file_name)
        return (f"已匯入 {result.responses} 份問卷（{result.answers} 個答案）至「{chosen}」，"
                f"批次 #{result.batch.pk}")

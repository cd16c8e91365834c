"""python manage.py import_collections FILE --agency CODE"""

from servq.ledgers.management.import_command import ImportFileCommand
from servq.ledgers.services.collections import collection_import


class Command(ImportFileCommand):
    help = ("匯入超商、金融機構及郵局代收案款（欄位 paid_on, channel, chain, category, "
            "case_number, amount；全有或全無）")
    what = "筆代收案款"

    def run_import(self, **kwargs) -> int:
        return collection_import(**kwargs)

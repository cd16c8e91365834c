"""python manage.py import_collections FILE --agency CODE"""

from servq.core.management.import_command import ImportFileCommand
from servq.ledgers.services.collections import collection_import


class Command(ImportFileCommand):
    help = ("匯入超商、金融機構及郵局代收案款（欄位 paid_on, channel, chain, category, "
            "case_number, amount；全有或全無）")
    def run_import(self, *, agency, table, file_name, options) -> str:
        rows = collection_import(agency=agency, table=table, file_name=file_name)
        return f"已匯入 {rows:,} 筆代收案款"

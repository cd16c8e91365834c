"""python manage.py import_indicators FILE --agency CODE"""

from servq.core.management.import_command import ImportFileCommand
from servq.ledgers.services.indicators import indicator_import


class Command(ImportFileCommand):
    help = "匯入每月統計數值（欄位 indicator, month, category, value；全有或全無）"

    def run_import(self, *, agency, table, file_name, options) -> str:
        rows = indicator_import(agency=agency, table=table, file_name=file_name)
        return f"已匯入 {rows:,} 列每月統計"

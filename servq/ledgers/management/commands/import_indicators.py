"""python manage.py import_indicators FILE --agency CODE"""

from servq.ledgers.management.import_command import ImportFileCommand
from servq.ledgers.services.indicators import indicator_import


class Command(ImportFileCommand):
    help = "匯入每月統計數值（欄位 indicator, month, category, value；全有或全無）"
    what = "列每月統計"

    def run_import(self, **kwargs) -> int:
        return indicator_import(**kwargs)

"""python manage.py send_petition_reminders [--date YYYY-MM-DD] — safe on several workers.

Also retries the citizens' receipt mails that failed at submission (receipts.py)."""

from django.core.management.base import BaseCommand, CommandError

from servq.core.tabular import parse_iso_date
from servq.petitions.receipts import receipts_retry
from servq.petitions.reminders import send_reminders


class Command(BaseCommand):
    help = ("寄送陳情案件期限將屆及逾期提醒，並重寄先前寄送失敗的收件通知"
            "（每則只寄一次，可多個工作程序同時執行）")

    def add_arguments(self, parser):
        parser.add_argument("--date", help="以此日期判斷（預設今天），格式 YYYY-MM-DD")

    def handle(self, *args, date=None, **options):
        try:
            on = parse_iso_date(date) if date else None
        except ValueError as error:
            raise CommandError(str(error)) from None
        retry = receipts_retry()
        self.stdout.write(f"收件通知重寄：寄出 {retry.sent} 則，仍失敗 {retry.failed} 則，"
                          f"放棄 {retry.abandoned} 則")
        run = send_reminders(on=on)
        self.stdout.write(f"提醒：認領 {run.claimed} 則，寄出 {run.sent} 則，"
                          f"寄送失敗（下次重試）{run.failed} 則，"
                          f"已由其他程序處理 {run.skipped} 則")

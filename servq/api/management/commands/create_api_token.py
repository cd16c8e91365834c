"""python manage.py create_api_token --agency sly --name 公文系統 (prints the key once)."""

from django.core.management.base import BaseCommand, CommandError

from servq.api.tokens import api_token_create
from servq.core.models import Agency


class Command(BaseCommand):
    help = "建立機關專用的 API 金鑰（金鑰只顯示這一次）"

    def add_arguments(self, parser):
        parser.add_argument("--agency", required=True, help="機關代碼，例如 sly")
        parser.add_argument("--name", required=True, help="用途，例如 公文系統")

    def handle(self, *args, agency, name, **options):
        try:
            agency_obj = Agency.objects.get(code=agency)
        except Agency.DoesNotExist:
            raise CommandError(f"找不到機關代碼 {agency!r}") from None
        token, key = api_token_create(agency=agency_obj, name=name)
        self.stdout.write(f"已建立 {token}。金鑰（只顯示這一次，請妥善保存）：")
        self.stdout.write(key)

"""Rebuild the public-site search index from the content and every app's declared pages.

Run after deploying a version that declares new pages (search_pages.py) or adds an agency;
content edits keep the index current by themselves.
"""

from django.core.management.base import BaseCommand, CommandError

from servq.core.models import Agency
from servq.portal.search_index import search_index_rebuild


class Command(BaseCommand):
    help = "重建公開網站的搜尋索引（可指定機關代碼）"

    def add_arguments(self, parser):
        parser.add_argument("--agency", help="agency code (default: every agency)")

    def handle(self, *args, agency=None, **options):
        target = None
        if agency:
            target = Agency.objects.filter(code=agency).first()
            if target is None:
                raise CommandError(f"找不到機關代碼「{agency}」。")
        count = search_index_rebuild(agency=target)
        self.stdout.write(f"搜尋索引已重建：{count} 筆。")

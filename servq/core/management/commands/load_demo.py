"""Load the demo: reference data, demo users, then each app's demo records (safe to run twice).

Each app may have a `demo` module with `load(*, stdout)`; they run in INSTALLED_APPS order,
except the reports app's, which builds the demo report from all the others' records: it runs last.
"""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand

from servq.core.demo import DEMO_PASSWORD, DEMO_USERS

REPORTS_APP = "servq.reports"


class Command(BaseCommand):
    help = "載入示範資料（可重複執行）"

    def handle(self, *args, **options):
        configs = sorted(apps.get_app_configs(), key=lambda app: app.name == REPORTS_APP)
        for app in configs:
            module_name = f"{app.name}.demo"
            if not app.name.startswith("servq.") or importlib.util.find_spec(module_name) is None:
                continue
            importlib.import_module(module_name).load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("示範資料已載入。Demo logins (password for all: "
                                             f"{DEMO_PASSWORD}):"))
        for user in DEMO_USERS:
            self.stdout.write(f"  {user.username:<18} {user.agency}  {user.role}")

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "servq.core"
    verbose_name = "基本資料"

    def ready(self):
        from . import auth_audit  # noqa: F401  (records logins and failed logins)
        from . import checks  # noqa: F401  (deployment checks: manage.py check --deploy)

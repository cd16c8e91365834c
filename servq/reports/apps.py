from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "servq.reports"
    verbose_name = "成果報告"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("figures")  # each app's figures.py registers its providers

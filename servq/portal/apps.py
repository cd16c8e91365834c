from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "servq.portal"
    verbose_name = "公開網站"

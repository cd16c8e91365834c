from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "servq.api"
    verbose_name = "API"

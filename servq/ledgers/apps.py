from django.apps import AppConfig


class LedgersConfig(AppConfig):
    name = "servq.ledgers"
    verbose_name = "為民服務紀錄"

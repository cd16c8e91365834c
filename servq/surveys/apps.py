from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "servq.surveys"
    verbose_name = "問卷調查"

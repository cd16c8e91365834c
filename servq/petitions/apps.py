from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "servq.petitions"
    verbose_name = "陳情及民意"

"""Installs the seed questionnaire and its scales (data in servq/surveys/seed_questionnaire.py)."""

from django.db import migrations


def install(apps, schema_editor):
    from servq.surveys.seed_questionnaire import install as install_seed

    install_seed(apps)


def uninstall(apps, schema_editor):
    from servq.surveys import seed_questionnaire as SEED

    apps.get_model("surveys", "Questionnaire").objects.filter(
        code=SEED.QUESTIONNAIRE["code"], version=SEED.QUESTIONNAIRE["version"]).delete()
    apps.get_model("surveys", "Scale").objects.filter(code__in=[s[0] for s in SEED.SCALES]).delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]
    operations = [migrations.RunPython(install, uninstall)]

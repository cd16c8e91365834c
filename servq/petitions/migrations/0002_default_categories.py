from django.db import migrations

from servq.petitions.reference import ensure_categories


def add_categories(apps, schema_editor):
    ensure_categories(apps.get_model("petitions", "Category"))


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_initial")]
    operations = [migrations.RunPython(add_categories, migrations.RunPython.noop)]

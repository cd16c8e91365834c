from django.db import migrations


def load_reference_data(apps, schema_editor):
    from servq.ledgers.reference_data import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("ledgers", "0001_initial")]
    operations = [migrations.RunPython(load_reference_data, migrations.RunPython.noop)]

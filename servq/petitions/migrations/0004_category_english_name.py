"""The categories' English names, for the English site's opinion mailbox."""

from django.db import migrations, models

from servq.petitions.reference import ensure_categories


def add_english_names(apps, schema_editor):
    ensure_categories(apps.get_model("petitions", "Category"))


class Migration(migrations.Migration):

    dependencies = [
        ('petitions', '0003_whistleblower_reports_receipt_retries'),
    ]

    operations = [
        migrations.AddField(
            model_name='category',
            name='name_en',
            field=models.CharField(blank=True, help_text='英文網站的民意信箱顯示；空白時顯示中文名稱', max_length=80, verbose_name='英文名稱'),
        ),
        migrations.RunPython(add_english_names, migrations.RunPython.noop),
    ]

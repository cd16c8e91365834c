"""English fields for the texts citizens read, and the seed questionnaire's English."""

from django.db import migrations, models


def install_english(apps, schema_editor):
    from servq.surveys.seed_questionnaire import install_english as install

    install(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('surveys', '0002_seed_questionnaire'),
    ]

    operations = [
        migrations.AddField(
            model_name='question',
            name='text_en',
            field=models.CharField(blank=True, max_length=300, verbose_name='英文題目'),
        ),
        migrations.AddField(
            model_name='questiongroup',
            name='title_en',
            field=models.CharField(blank=True, max_length=150, verbose_name='英文名稱'),
        ),
        migrations.AddField(
            model_name='questionnaire',
            name='intro_en',
            field=models.TextField(blank=True, verbose_name='英文填答說明'),
        ),
        migrations.AddField(
            model_name='questionnaire',
            name='title_en',
            field=models.CharField(blank=True, max_length=150, verbose_name='英文名稱'),
        ),
        migrations.AddField(
            model_name='scaleoption',
            name='label_en',
            field=models.CharField(blank=True, max_length=60, verbose_name='英文文字'),
        ),
        migrations.RunPython(install_english, migrations.RunPython.noop),
    ]

"""Whistleblower protection by the nature of the report, neutral attachment names, and the
receipt mails kept for a retry.

Existing rows: ethics-mailbox reports and every report of the ethics category are marked; a
reporter left on such a petition row (before this fix, an ethics report that came by e-mail,
letter, oral record, forwarding or the API) moves to ReporterIdentity. Every attachment gets
its neutral name; a whistleblower report's original file names are dropped.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Q

EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
PERSONAL = ["petitioner_name", "petitioner_email", "petitioner_phone", "petitioner_address"]


def protect_and_rename(apps, schema_editor):
    Petition = apps.get_model("petitions", "Petition")
    ReporterIdentity = apps.get_model("petitions", "ReporterIdentity")
    Attachment = apps.get_model("petitions", "Attachment")
    protected = Petition.objects.filter(Q(channel="ethics_mailbox") | Q(category__code="ethics"))
    protected.update(is_whistleblower_report=True)
    on_row = Q()
    for name in PERSONAL:
        on_row |= ~Q(**{name: ""})
    for petition in protected.filter(on_row).iterator():
        if not ReporterIdentity.objects.filter(petition=petition).exists():
            ReporterIdentity.objects.create(
                petition=petition, name=petition.petitioner_name,
                email=petition.petitioner_email, phone=petition.petitioner_phone,
                address=petition.petitioner_address)
        Petition.objects.filter(pk=petition.pk).update(**{name: "" for name in PERSONAL})
    position, last_petition = 0, None
    for attachment in Attachment.objects.select_related("petition").order_by(
            "petition_id", "pk").iterator():
        position = position + 1 if attachment.petition_id == last_petition else 1
        last_petition = attachment.petition_id
        attachment.name = "{}-{}.{}".format(attachment.petition.number, position,
                                            EXTENSIONS.get(attachment.content_type, "bin"))
        if attachment.petition.is_whistleblower_report:
            attachment.original_name = ""
        attachment.save(update_fields=["name", "original_name"])


class Migration(migrations.Migration):

    dependencies = [
        ('petitions', '0002_default_categories'),
    ]

    operations = [
        migrations.AddField(
            model_name='attachment',
            name='name',
            field=models.CharField(default='', help_text='文號加序號，不含個人資料', max_length=40, verbose_name='檔名'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='petition',
            name='is_whistleblower_report',
            field=models.BooleanField(default=False, verbose_name='公益揭弊檢舉（檢舉人身分隔離保存）'),
        ),
        migrations.AlterField(
            model_name='attachment',
            name='original_name',
            field=models.CharField(blank=True, max_length=200, verbose_name='原檔名'),
        ),
        migrations.AlterField(
            model_name='petition',
            name='submission_key',
            field=models.CharField(blank=True, max_length=80),
        ),
        migrations.CreateModel(
            name='ReceiptRetry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('to', models.EmailField(max_length=254)),
                ('tracking_code', models.CharField(max_length=20)),
                ('attempts', models.PositiveSmallIntegerField(default=1)),
                ('last_error', models.CharField(blank=True, max_length=200)),
                ('failed_at', models.DateTimeField()),
                ('claimed_at', models.DateTimeField(blank=True, null=True)),
                ('petition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='petitions.petition')),
            ],
            options={
                'verbose_name': '待重寄收件通知',
                'verbose_name_plural': '待重寄收件通知',
                'ordering': ['failed_at', 'pk'],
            },
        ),
        migrations.RunPython(protect_and_rename, migrations.RunPython.noop),
    ]

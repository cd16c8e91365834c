"""An inspection records which facilities it checked (a checklist), not just how many."""

from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count

NOTE_MAX = 300


def _note_with_count(note: str, count: int) -> str:
    text = f"轉換前登錄檢查設施數為{count}項，勾選項目係依轉換時之設施清單推定。"
    if not note:
        return text
    room = NOTE_MAX - len(text) - 1
    return f"{note if len(note) <= room else note[:room - 1] + '…'}；{text}"


def fill_checklists(apps, schema_editor):
    """The old rows stored only a count, which the service set to the agency's whole checklist
    in use when the inspection was entered. So an old inspection that checked anything gets the
    checklist in use now plus the facilities its findings name (those were certainly checked);
    one that checked nothing gets only the latter. Where that does not give the stored count,
    the checklist has changed since: the stored count is kept in the note instead of lost."""
    Inspection = apps.get_model("ledgers", "FacilityInspection")
    Facility = apps.get_model("ledgers", "Facility")
    Item = apps.get_model("ledgers", "InspectionChecklistItem")
    Finding = apps.get_model("ledgers", "InspectionFinding")
    in_use = defaultdict(set)
    for agency_id, pk in Facility.objects.filter(is_active=True).values_list("agency_id", "pk"):
        in_use[agency_id].add(pk)
    named = defaultdict(set)
    for inspection_id, facility_id in Finding.objects.values_list("inspection_id", "facility_id"):
        named[inspection_id].add(facility_id)
    items = []
    for inspection in Inspection.objects.order_by("pk").iterator():
        checked = named[inspection.pk] | (in_use[inspection.agency_id]
                                          if inspection.facilities_checked else set())
        items.extend(Item(inspection_id=inspection.pk, facility_id=pk) for pk in sorted(checked))
        if len(checked) != inspection.facilities_checked:
            inspection.note = _note_with_count(inspection.note, inspection.facilities_checked)
            inspection.save(update_fields=["note"])
    Item.objects.bulk_create(items, batch_size=1000)


def count_checklists(apps, schema_editor):
    Inspection = apps.get_model("ledgers", "FacilityInspection")
    for inspection in Inspection.objects.annotate(n=Count("facilities")).filter(n__gt=0):
        Inspection.objects.filter(pk=inspection.pk).update(facilities_checked=inspection.n)


class Migration(migrations.Migration):

    dependencies = [
        ('ledgers', '0002_reference_data'),
    ]

    operations = [
        migrations.CreateModel(
            name='InspectionChecklistItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('facility', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ledgers.facility')),
                ('inspection', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='ledgers.facilityinspection')),
            ],
            options={
                'verbose_name': '巡查檢查項目',
                'verbose_name_plural': '巡查檢查項目',
            },
        ),
        migrations.AddField(
            model_name='facilityinspection',
            name='facilities',
            field=models.ManyToManyField(blank=True, related_name='+', through='ledgers.InspectionChecklistItem', to='ledgers.facility', verbose_name='巡查設施'),
        ),
        migrations.AddConstraint(
            model_name='inspectionchecklistitem',
            constraint=models.UniqueConstraint(fields=('inspection', 'facility'), name='checklist_item_once'),
        ),
        migrations.RunPython(fill_checklists, count_checklists),
        migrations.RemoveField(
            model_name='facilityinspection',
            name='facilities_checked',
        ),
    ]

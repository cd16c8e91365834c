"""Migration 0003 protects the reports received before the fix: an ethics-category report
that came by letter kept its reporter on the petition row; the migration moves them apart."""

from datetime import date, datetime, timezone

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("petitions", "0002_default_categories")]
AFTER = [("petitions", "0003_whistleblower_reports_receipt_retries")]


@pytest.mark.django_db(transaction=True)
def test_it_moves_reporters_left_on_ethics_reports_apart(latest_schema_afterwards, rules):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Petition = apps.get_model("petitions", "Petition")
    Attachment = apps.get_model("petitions", "Attachment")
    ethics = apps.get_model("petitions", "Category").objects.get(code="ethics")
    other = apps.get_model("petitions", "Category").objects.get(code="other")

    def petition(serial, channel, category, name):
        return Petition.objects.create(
            agency_id=rules.sly.pk, year=2015, serial=serial, number=f"SLY104{serial:06d}",
            channel=channel, category=category, subject="s", received_on=date(2015, 6, 1),
            received_at=datetime(2015, 6, 1, 1, tzinfo=timezone.utc), due_on=date(2015, 6, 30),
            petitioner_name=name, petitioner_phone="0911" if name else "")

    letter = petition(1, "letter", ethics, "趙檢舉")
    citizen = petition(2, "letter", other, "王大明")
    for n, (owner, name) in enumerate([(letter, "趙檢舉證據.png"), (citizen, "王大明身分證.png"),
                                       (citizen, "王大明陳情書.pdf")]):
        Attachment.objects.create(petition=owner, kind="citizen", file=f"x/{n}", size=1,
                                  original_name=name, content_type="image/png" if
                                  name.endswith("png") else "application/pdf")
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    Petition = apps.get_model("petitions", "Petition")
    identity = apps.get_model("petitions", "ReporterIdentity").objects.get(petition_id=letter.pk)
    assert (identity.name, identity.phone) == ("趙檢舉", "0911")
    moved, kept = Petition.objects.get(pk=letter.pk), Petition.objects.get(pk=citizen.pk)
    assert moved.is_whistleblower_report and (moved.petitioner_name, moved.petitioner_phone) == (
        "", "")
    assert not kept.is_whistleblower_report and kept.petitioner_name == "王大明"
    files = apps.get_model("petitions", "Attachment").objects.order_by("pk")
    assert [(f.name, f.original_name) for f in files] == [
        ("SLY104000001-1.png", ""), ("SLY104000002-1.png", "王大明身分證.png"),
        ("SLY104000002-2.pdf", "王大明陳情書.pdf")]

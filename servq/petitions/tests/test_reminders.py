import logging
import threading
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections

from servq.core.models import Unit
from servq.petitions.models import PetitionReminder
from servq.petitions.reminders import send_reminders
from servq.petitions.services import petition_assign, petition_extend_deadline

from .conftest import section
from .failing_mail import REFUSED_ADDRESS


@pytest.fixture
def assigned(make_petition, rules):
    petition = make_petition(category_code="case", received_on=date(2015, 6, 1))
    petition_assign(petition=petition, unit=section(rules.sly), user=rules.clerk,
                    actor=rules.secretariat)
    return petition


def test_it_reminds_before_the_due_date_and_once_overdue(assigned, rules):
    due = assigned.due_on
    call_command("send_petition_reminders", date=str(due - timedelta(days=1)), stdout=StringIO())
    [before] = mail.outbox
    assert before.to == ["clerk@example.gov.tw"] and "將屆" in before.subject
    call_command("send_petition_reminders", date=str(due - timedelta(days=1)), stdout=StringIO())
    assert len(mail.outbox) == 1  # each reminder once
    send_reminders(on=due + timedelta(days=1))
    overdue = mail.outbox[1]
    assert "逾" in overdue.subject and set(overdue.to) == {"clerk@example.gov.tw",
                                                           "secretariat@example.gov.tw"}
    assert "王小明" not in overdue.body and assigned.subject not in overdue.body
    send_reminders(on=due + timedelta(days=5))
    assert len(mail.outbox) == 2


def test_it_reminds_again_for_an_extended_deadline(assigned, rules):
    send_reminders(on=assigned.due_on + timedelta(days=1))
    petition_extend_deadline(petition=assigned, new_due_on=date(2015, 7, 10), reason="調卷",
                             approved_by=rules.director, notice_method="phone",
                             notice_on=date(2015, 6, 12), actor=rules.clerk)
    send_reminders(on=date(2015, 7, 11))
    assert PetitionReminder.objects.filter(kind="overdue").count() == 2
    assert len(mail.outbox) == 2


def test_it_gives_the_claim_back_when_mail_fails(assigned, settings):
    settings.EMAIL_BACKEND = "servq.petitions.tests.failing_mail.EmailBackend"
    run = send_reminders(on=assigned.due_on + timedelta(days=1))
    assert (run.claimed, run.sent, run.failed) == (1, 0, 1)
    assert not PetitionReminder.objects.exists()


def test_it_stops_loudly_on_a_failure_that_is_not_the_mail_servers(assigned, settings):
    settings.EMAIL_BACKEND = "servq.petitions.tests.failing_mail.BrokenBackend"
    with pytest.raises(TypeError):
        send_reminders(on=assigned.due_on + timedelta(days=1))
    assert not PetitionReminder.objects.exists()  # claim given back: tried again once fixed


def test_it_sends_the_others_when_one_mail_fails_and_retries_it_next_run(
        assigned, make_petition, rules, settings, caplog):
    other = make_petition(category_code="case", received_on=assigned.received_on)
    petition_assign(petition=other, unit=Unit.objects.get(agency=rules.sly, code="secretariat"),
                    user=rules.secretariat, actor=rules.secretariat)
    day_before = assigned.due_on - timedelta(days=1)
    settings.EMAIL_BACKEND = "servq.petitions.tests.failing_mail.RefusingOneRecipientBackend"
    with caplog.at_level(logging.WARNING, logger="servq.petitions.reminders"):
        run = send_reminders(on=day_before)
    assert (run.claimed, run.sent, run.failed) == (2, 1, 1)
    assert [m.to for m in mail.outbox] == [["secretariat@example.gov.tw"]]
    assert PetitionReminder.objects.get().petition == other
    assert assigned.number in caplog.text and REFUSED_ADDRESS not in caplog.text
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # server is back
    run = send_reminders(on=day_before)
    assert (run.claimed, run.sent, run.failed) == (1, 1, 0)
    assert mail.outbox[1].to == [REFUSED_ADDRESS] and assigned.number in mail.outbox[1].subject
    assert PetitionReminder.objects.filter(sent_at__isnull=False).count() == 2


def test_it_sends_an_unassigned_petitions_reminder_to_the_secretariat(make_petition, rules):
    waiting = make_petition(received_on=date(2015, 6, 1))
    rules.secretariat.email = ""  # nobody to send to: not claimed, tried again
    rules.secretariat.save(update_fields=["email"])
    run = send_reminders(on=waiting.due_on - timedelta(days=1))
    assert (run.claimed, run.sent, run.failed) == (1, 0, 1) and mail.outbox == []
    assert not PetitionReminder.objects.exists()
    rules.secretariat.email = "secretariat@example.gov.tw"
    rules.secretariat.save(update_fields=["email"])
    run = send_reminders(on=waiting.due_on - timedelta(days=1))
    assert (run.claimed, run.sent) == (1, 1)
    assert [m.to for m in mail.outbox] == [["secretariat@example.gov.tw"]]
    assert "將屆" in mail.outbox[0].subject and waiting.number in mail.outbox[0].subject
    assert PetitionReminder.objects.get().recipients == 1


@pytest.mark.django_db(transaction=True)
def test_it_sends_each_reminder_once_with_several_workers(make_petition, rules):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
            "file:memorydb"):
        pytest.skip("SQLite's in-memory test database is shared-cache: concurrent writers fail "
                    "at once instead of queueing")
    for n in range(6):
        petition = make_petition(received_on=date(2015, 6, 1 + n))
        petition_assign(petition=petition, unit=section(rules.sly), user=rules.clerk,
                        actor=rules.secretariat)
    start, runs = threading.Barrier(4), []

    def worker():
        try:
            start.wait()
            runs.append(send_reminders(on=date(2015, 12, 31)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(run.claimed for run in runs) == 6
    reminders = [m for m in mail.outbox if "已逾處理期限" in m.subject]
    assert len(reminders) == 6 and PetitionReminder.objects.count() == 6
    assert len({m.subject for m in reminders}) == 6

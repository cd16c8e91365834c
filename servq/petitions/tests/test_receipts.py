"""A mail server that is down never costs the citizen the case: the submission stands, the
tracking code is on screen (or in the API answer), and the receipt mail is kept and retried
by send_petition_reminders until it goes out or is given up, then forgotten."""

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from servq.api.tokens import api_token_create
from servq.core.models import AuditEvent
from servq.petitions.models import Petition, ReceiptRetry
from servq.petitions.receipts import MAX_ATTEMPTS, receipt_send, receipts_retry

from .test_public_forms import form_data, url

DOWN = "servq.petitions.tests.failing_mail.EmailBackend"
UP = "django.core.mail.backends.locmem.EmailBackend"


@pytest.mark.django_db(transaction=True)  # the mail goes after a real commit
@pytest.mark.parametrize("mailbox", ["opinion", "ethics"])
def test_it_shows_the_code_when_the_mail_fails_and_sends_it_later(rules, client, settings,
                                                                 caplog, mailbox):
    settings.EMAIL_BACKEND = DOWN
    client.raise_request_exception = False
    response = client.post(url(mailbox), form_data(client, mailbox))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    code = re.search(r'class="code">([A-Z0-9-]+)<', page).group(1)
    petition = Petition.objects.get()
    assert petition.number in page and ReceiptRetry.objects.filter(petition=petition).exists()
    assert AuditEvent.objects.filter(action="petition.receipt_mail_failed",
                                     target_id=str(petition.pk)).count() == 1
    assert "lin@example.org" not in caplog.text and code not in caplog.text
    settings.EMAIL_BACKEND = UP
    call_command("send_petition_reminders", stdout=StringIO())
    [receipt] = mail.outbox
    assert receipt.to == ["lin@example.org"] and code in receipt.body
    assert not ReceiptRetry.objects.exists()  # address and code forgotten once sent


@pytest.mark.django_db(transaction=True)
def test_it_answers_the_api_with_the_code_when_the_mail_fails(rules, client, settings):
    settings.EMAIL_BACKEND = DOWN
    _, key = api_token_create(agency=rules.sly, name="公文系統")
    response = client.post(reverse("api:petitions", kwargs={"agency": "sly"}), json.dumps({
        "channel": "letter", "category": "case", "subject": "函詢", "received_on": "2015-06-01",
        "petitioner": {"name": "甲", "email": "a@example.org"}}),
        content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 201 and len(response.json()["tracking_code"]) == 11
    assert ReceiptRetry.objects.count() == 1


def test_it_gives_up_after_a_few_attempts_and_forgets_the_code(make_petition, settings):
    settings.EMAIL_BACKEND = DOWN
    petition = make_petition()
    assert receipt_send(petition, to="wang@example.org", tracking_code="ABCDE-FGHJK") is False
    for attempt in range(2, MAX_ATTEMPTS):
        assert receipts_retry().failed == 1
        assert ReceiptRetry.objects.get().attempts == attempt
    assert receipts_retry().abandoned == 1
    assert not ReceiptRetry.objects.exists()
    assert AuditEvent.objects.filter(action="petition.receipt_mail_abandoned").count() == 1


def test_it_leaves_a_retry_another_worker_has_claimed(make_petition, settings):
    settings.EMAIL_BACKEND = DOWN
    receipt_send(make_petition(), to="wang@example.org", tracking_code="ABCDE-FGHJK")
    settings.EMAIL_BACKEND = UP
    now = timezone.now()
    ReceiptRetry.objects.update(claimed_at=now)
    assert receipts_retry(now=now).sent == 0 and mail.outbox == []
    # A claim older than the timeout belonged to a worker that died.
    assert receipts_retry(now=now + timedelta(hours=1)).sent == 1 and len(mail.outbox) == 1

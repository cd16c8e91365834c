"""公益揭弊者保護法 §15: an ethics-mailbox reporter's identity reaches only the ethics office,
through a stated reason, and each reveal is audited. Every role tries every page, export,
API answer, e-mail and admin page."""

import json
import re
from datetime import date
from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from servq.api.tokens import api_token_create
from servq.core.models import AuditEvent, Unit
from servq.petitions.models import Petition, ReporterIdentity
from servq.petitions.reminders import send_reminders
from servq.petitions.services import petition_assign, petition_record_contact

from .conftest import PDF, section
from .test_public_forms import form_data, url

IDENTITY = {"name": "萬寶華", "email": "secret-reporter@example.net",
            "phone": "0987-654-321", "address": "新北市秘密路99號"}
SECRETS = [*IDENTITY.values(), "0987654321", "secret-reporter"]
PEOPLE = ["secretariat", "ethics", "statistics", "personnel", "accounting", "clerk", "committee",
          "front_desk", "director", "hq_auditor", "outsider", "sysadmin", "no_role"]


def leaks(response) -> list[str]:
    """Which secrets a response carries, in its body or its headers."""
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    text = body.decode("utf-8", "replace") + json.dumps(dict(response.headers),
                                                       ensure_ascii=False)
    return [secret for secret in SECRETS if secret in text]


@pytest.fixture
def report(rules, client, tmp_path, django_capture_on_commit_callbacks):
    """An ethics-mailbox report with its reporter, an attachment named after the reporter,
    referred to the committee and then handled by the 庚股 clerk (so every scope sees it)."""
    upload = tmp_path / f"{IDENTITY['name']}的檢舉書.pdf"
    upload.write_bytes(PDF)
    with django_capture_on_commit_callbacks(execute=True), upload.open("rb") as handle:
        client.post(url("ethics"), form_data(client, "ethics", **IDENTITY, attachment_1=handle,
                                             subject="檢舉疑似收受餽贈"))
        petition = Petition.objects.get()
        committee = Unit.objects.get(agency=rules.sly, code="attitude")
        petition_assign(petition=petition, unit=committee, actor=rules.secretariat)
        petition_assign(petition=petition, unit=section(rules.sly), user=rules.clerk,
                        actor=rules.secretariat)
        petition_record_contact(petition=petition, method="phone", summary="已告知受理",
                                actor=rules.clerk)
    send_reminders(on=date(2099, 1, 1))  # an overdue reminder to the clerk and the secretariat
    client.logout()
    return petition


def staff_urls(petition) -> list[str]:
    agency, pk = {"agency": "sly"}, {"agency": "sly", "pk": petition.pk}
    attachment = petition.attachments.get()
    return [
        reverse("core:staff-home"),
        reverse("petitions:inbox", kwargs=agency),
        reverse("petitions:overdue", kwargs=agency) + "?on=2099-01-01",
        reverse("petitions:export", kwargs=agency),
        reverse("petitions:detail", kwargs=pk),
        reverse("petitions:reporter", kwargs=pk),
        reverse("petitions:attachment", kwargs=pk | {"attachment_pk": attachment.pk}),
        reverse("petitions:rules", kwargs=agency),
        reverse("petitions:media", kwargs=agency),
        reverse("core:audit-log", kwargs=agency),
    ]


def admin_urls(petition) -> list[str]:
    return [
        reverse("admin:index"),
        reverse("admin:petitions_petition_changelist"),
        reverse("admin:petitions_petition_change", args=[petition.pk]),
        reverse("admin:petitions_petition_delete", args=[petition.pk]),
        reverse("admin:core_auditevent_changelist"),
        "/admin/petitions/reporteridentity/",
    ]


@pytest.mark.parametrize("who", PEOPLE + [None])
def test_it_never_shows_the_reporter_on_any_page(report, client_for, who, rules):
    client = client_for(getattr(rules, who) if who else None)
    for address in staff_urls(report) + admin_urls(report):
        response = client.get(address)
        assert leaks(response) == [], (who, address, response.status_code)


@pytest.mark.parametrize("who", PEOPLE)
def test_it_never_finds_a_report_by_its_reporters_name(report, client_for, rules, who):
    """Searching by the reporter's name answers exactly as searching by nobody's name."""
    client = client_for(getattr(rules, who))

    def found(address, name):
        response = client.get(address, {"name": name, "box": "all"})
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, set(re.findall(r"SLY\d{9}", body.decode()))

    for address in [reverse("petitions:inbox", kwargs={"agency": "sly"}),
                    reverse("petitions:export", kwargs={"agency": "sly"})]:
        assert found(address, IDENTITY["name"]) == found(address, "查無此人"), (who, address)


def test_it_keeps_the_reporter_out_of_the_admin_even_for_a_superuser(report, client):
    superuser = get_user_model().objects.create_superuser("root", password="x-root-password")
    client.force_login(superuser)
    assert ReporterIdentity not in admin.site._registry
    for address in admin_urls(report):
        response = client.get(address)
        assert response.status_code in (200, 403, 404) and leaks(response) == [], address
    assert client.get(admin_urls(report)[-1]).status_code == 404


def test_it_gives_the_ethics_office_only_the_reports_files(report, client_for, rules):
    attachment = report.attachments.get()
    address = reverse("petitions:attachment", kwargs={"agency": "sly", "pk": report.pk,
                                                      "attachment_pk": attachment.pk})
    for who in PEOPLE:
        status = client_for(getattr(rules, who)).get(address).status_code
        assert (status == 200) == (who == "ethics"), who


def test_it_reveals_the_reporter_to_the_ethics_office_with_a_reason_and_audits_it(report,
                                                                                  client_for,
                                                                                  rules):
    address = reverse("petitions:reporter", kwargs={"agency": "sly", "pk": report.pk})
    ethics = client_for(rules.ethics)
    no_reason = ethics.post(address, {"reason": ""})
    assert leaks(no_reason) == [] and not AuditEvent.objects.filter(
        action="petition.reporter_reveal").exists()
    revealed = ethics.post(address, {"reason": "依檢舉內容需通知檢舉人補充事證"})
    assert set(leaks(revealed)) >= {IDENTITY["name"], IDENTITY["phone"], IDENTITY["address"]}
    event = AuditEvent.objects.get(action="petition.reporter_reveal")
    assert (event.actor, event.reason, event.target_id) == (
        rules.ethics, "依檢舉內容需通知檢舉人補充事證", str(report.pk))
    assert not any(secret in json.dumps(event.detail, ensure_ascii=False) for secret in SECRETS)
    ethics.post(address, {"reason": "第二次查閱：確認聯絡電話"})
    assert AuditEvent.objects.filter(action="petition.reporter_reveal").count() == 2


@pytest.mark.parametrize("who", [p for p in PEOPLE if p != "ethics"])
def test_it_refuses_every_other_role_the_reveal(report, client_for, rules, who):
    address = reverse("petitions:reporter", kwargs={"agency": "sly", "pk": report.pk})
    response = client_for(getattr(rules, who)).post(address, {"reason": "我想知道是誰檢舉的"})
    assert response.status_code in (302, 403, 404) and leaks(response) == []
    assert not AuditEvent.objects.filter(action="petition.reporter_reveal").exists()


def test_it_never_puts_the_reporter_in_staff_mail(report):
    staff_mail = [m for m in mail.outbox if IDENTITY["email"] not in m.to]
    assert staff_mail, "assignment notices and reminders were sent"
    for message in mail.outbox:
        text = message.subject + message.body + " ".join(message.cc + message.bcc)
        assert [s for s in SECRETS if s in text] == [], message.subject
    for message in staff_mail:
        assert IDENTITY["email"] not in message.to + message.cc + message.bcc


def test_it_never_puts_the_reporter_in_api_answers_or_report_figures(report, client, rules):
    token, key = api_token_create(agency=rules.sly, name="公文系統")
    auth = {"HTTP_AUTHORIZATION": f"Token {key}"}
    status = client.get(reverse("api:petition", kwargs={"agency": "sly",
                                                        "number": report.number}), **auth)
    assert status.status_code == 200 and leaks(status) == []
    created = client.post(reverse("api:petitions", kwargs={"agency": "sly"}), json.dumps({
        "channel": "ethics_mailbox", "category": "ethics", "subject": "轉來的檢舉",
        "received_on": "2015-06-01", "petitioner": IDENTITY}), content_type="application/json",
        **auth)
    assert created.status_code == 201 and leaks(created) == []
    assert ReporterIdentity.objects.count() == 2
    out = StringIO()
    call_command("build_report", agency="sly", period="2015Q2", format="json", stdout=out)
    assert [s for s in SECRETS if s in out.getvalue()] == []


def test_it_keeps_the_reporter_out_of_the_petition_row_and_its_strings(report):
    row = Petition.objects.filter(pk=report.pk).values().get()
    assert [s for s in SECRETS if s in json.dumps(row, ensure_ascii=False, default=str)] == []
    identity = ReporterIdentity.objects.get(petition=report)
    assert [s for s in SECRETS if s in str(report) + str(identity) + repr(identity)] == []

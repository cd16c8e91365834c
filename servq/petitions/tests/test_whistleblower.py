"""公益揭弊者保護法 §15: a whistleblower's identity reaches only the ethics office, through a
stated reason, and each reveal is audited. The protection follows what the report is, not how
it came: the ethics mailbox, an ethics-category report by e-mail, letter, oral record or
forwarding, through the API, or any report staff or the API mark as one. For each of these,
every role tries every page, export, API answer, e-mail, report and admin page."""

import json
import re
from datetime import date
from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from servq.api.tokens import api_token_create
from servq.core.models import AuditEvent, Unit
from servq.petitions.models import Petition, ReporterIdentity
from servq.petitions.reminders import send_reminders
from servq.petitions.services import petition_assign, petition_record_contact

from .conftest import PDF, category, section
from .test_public_forms import form_data, url

IDENTITY = {"name": "萬寶華", "email": "secret-reporter@example.net",
            "phone": "0987-654-321", "address": "新北市秘密路99號"}
SECRETS = [*IDENTITY.values(), "0987654321", "secret-reporter"]
PEOPLE = ["secretariat", "ethics", "statistics", "personnel", "accounting", "clerk", "committee",
          "front_desk", "director", "hq_auditor", "outsider", "sysadmin", "no_role"]
# How the report arrives: the ethics mailbox; staff intake of an ethics-category report by
# e-mail, oral record (ethics office) and forwarding; a letter in another category marked as a
# whistleblower report; the API with the ethics category, and the API's own mark.
INTAKES = ["ethics_mailbox", "email", "oral", "forwarded", "letter_marked", "api",
           "api_marked"]


def leaks(response) -> list[str]:
    """Which secrets a response carries, in its body or its headers."""
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    text = body.decode("utf-8", "replace") + json.dumps(dict(response.headers),
                                                       ensure_ascii=False)
    return [secret for secret in SECRETS if secret in text]


def _by_public_form(client, files):
    client.post(url("ethics"), form_data(client, "ethics", **IDENTITY, attachment_1=files[0],
                                         subject="檢舉疑似收受餽贈"))


def _by_staff(client, user, files, **fields):
    client.force_login(user)
    address = reverse("petitions:new", kwargs={"agency": "sly"})
    key = re.search(r'name="submission_key" value="([0-9a-f]+)"',
                    client.get(address).content.decode()).group(1)
    data = {"submission_key": key, "received_on": "104/06/01", "subject": "檢舉疑似收受餽贈",
            "content": "某書記官收受紅包。", "attachment_1": files[0], **IDENTITY, **fields}
    response = client.post(address, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def _by_api(client, rules, **fields):
    _, key = api_token_create(agency=rules.sly, name="公文系統")
    response = client.post(reverse("api:petitions", kwargs={"agency": "sly"}), json.dumps({
        "subject": "檢舉疑似收受餽贈", "received_on": "2015-06-01", "petitioner": IDENTITY,
        **fields}), content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 201 and leaks(response) == []


def receive(intake, rules, client, files):
    ethics = category("ethics").pk
    if intake == "ethics_mailbox":
        _by_public_form(client, files)
    elif intake == "email":
        _by_staff(client, rules.secretariat, files, channel="email", category=ethics)
    elif intake == "oral":
        _by_staff(client, rules.ethics, files, channel="oral", category=ethics,
                  signed_record=files[1])
    elif intake == "forwarded":
        _by_staff(client, rules.secretariat, files, channel="forwarded", category=ethics,
                  forwarded_by="法務部廉政署", forwarded_ref="廉二字第1040001號",
                  forwarded_on="104/05/29")
    elif intake == "letter_marked":
        _by_staff(client, rules.secretariat, files, channel="letter",
                  category=category("other").pk, whistleblower="on")
    elif intake == "api":
        _by_api(client, rules, channel="email", category="ethics")
    else:
        _by_api(client, rules, channel="letter", category="case", whistleblower=True)
    return Petition.objects.get()


@pytest.fixture(params=INTAKES)
def report(request, rules, client, tmp_path, django_capture_on_commit_callbacks):
    """A whistleblower report with its reporter (files named after the reporter, where the
    intake takes files), referred to the committee and then handled by the 庚股 clerk (so
    every scope sees it)."""
    names = [f"{IDENTITY['name']}的檢舉書.pdf", f"{IDENTITY['name']}簽名的紀錄.pdf"]
    for name in names:
        (tmp_path / name).write_bytes(PDF)
    with django_capture_on_commit_callbacks(execute=True), \
            (tmp_path / names[0]).open("rb") as first, (tmp_path / names[1]).open("rb") as second:
        petition = receive(request.param, rules, client, [first, second])
        committee = Unit.objects.get(agency=rules.sly, code="attitude")
        petition_assign(petition=petition, unit=committee, actor=rules.secretariat)
        petition_assign(petition=petition, unit=section(rules.sly), user=rules.clerk,
                        actor=rules.secretariat)
        petition_record_contact(petition=petition, method="phone", summary="已告知受理",
                                actor=rules.clerk)
    send_reminders(on=date(2099, 1, 1))  # an overdue reminder to the clerk and the secretariat
    client.logout()
    petition.refresh_from_db()
    return petition


def attachment_urls(petition) -> list[str]:
    return [reverse("petitions:attachment", kwargs={"agency": "sly", "pk": petition.pk,
                                                    "attachment_pk": pk})
            for pk in petition.attachments.values_list("pk", flat=True)]


def staff_urls(petition) -> list[str]:
    agency, pk = {"agency": "sly"}, {"agency": "sly", "pk": petition.pk}
    return [
        reverse("core:staff-home"),
        reverse("petitions:inbox", kwargs=agency),
        reverse("petitions:overdue", kwargs=agency) + "?on=2099-01-01",
        reverse("petitions:export", kwargs=agency),
        reverse("petitions:detail", kwargs=pk),
        reverse("petitions:reporter", kwargs=pk),
        *attachment_urls(petition),
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
        "/admin/petitions/receiptretry/",  # a failed receipt mail's address waits there
        "/admin/petitions/reporteridentity/",
    ]


def test_it_marks_the_report_and_keeps_the_reporter_apart(report):
    assert_reporter_kept_apart(report)


def assert_reporter_kept_apart(report):
    assert report.is_whistleblower_report
    stored = ReporterIdentity.objects.get(petition=report)
    assert (stored.name, stored.email, stored.address) == (
        IDENTITY["name"], IDENTITY["email"], IDENTITY["address"])
    assert not any([report.petitioner_name, report.petitioner_email, report.petitioner_phone,
                    report.petitioner_address])
    assert not report.attachments.exclude(original_name="").exists()


def test_it_never_shows_the_reporter_on_any_page(report, client_for, rules):
    assert_no_page_shows_the_reporter(report, client_for, rules)


def assert_no_page_shows_the_reporter(report, client_for, rules):
    for who in PEOPLE + [None]:
        client = client_for(getattr(rules, who) if who else None)
        for address in staff_urls(report) + admin_urls(report):
            response = client.get(address)
            assert leaks(response) == [], (who, address, response.status_code)


def test_it_never_finds_a_report_by_its_reporters_name(report, client_for, rules):
    assert_not_found_by_the_reporters_name(client_for, rules)


def assert_not_found_by_the_reporters_name(client_for, rules):
    """Searching by the reporter's name answers exactly as searching by nobody's name."""
    for who in PEOPLE:
        client = client_for(getattr(rules, who))

        def found(address, name):
            response = client.get(address, {"name": name, "box": "all"})
            body = b"".join(response.streaming_content) if response.streaming \
                else response.content
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
    for address in attachment_urls(report):
        for who in PEOPLE:
            response = client_for(getattr(rules, who)).get(address)
            assert (response.status_code == 200) == (who == "ethics"), who
            assert leaks(response) == [], who  # the file's name is neutral, even for them


def test_it_reveals_the_reporter_to_the_ethics_office_with_a_reason_and_audits_it(report,
                                                                                  client_for,
                                                                                  rules):
    address = reverse("petitions:reporter", kwargs={"agency": "sly", "pk": report.pk})
    ethics = client_for(rules.ethics)
    assert "請勿在理由中寫出檢舉人的姓名" in ethics.get(address).content.decode()
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


def test_it_refuses_every_other_role_the_reveal(report, client_for, rules):
    address = reverse("petitions:reporter", kwargs={"agency": "sly", "pk": report.pk})
    for who in [p for p in PEOPLE if p != "ethics"]:
        response = client_for(getattr(rules, who)).post(address, {"reason": "我想知道是誰檢舉的"})
        assert response.status_code in (302, 403, 404) and leaks(response) == [], who
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


def test_it_lets_the_ethics_office_mark_a_petition_as_a_report_after_receipt(
        rules, client, client_for, tmp_path):
    named = tmp_path / f"{IDENTITY['name']}的陳情書.pdf"
    named.write_bytes(PDF)
    with named.open("rb") as upload:
        _by_staff(client, rules.secretariat, [upload], channel="letter",
                  category=category("other").pk)
    petition = Petition.objects.get()
    assert not petition.is_whistleblower_report
    assert IDENTITY["name"] in leaks(client_for(rules.secretariat).get(staff_urls(petition)[4]))
    mark = reverse("petitions:act", kwargs={"agency": "sly", "pk": petition.pk,
                                            "action": "whistleblower"})
    reason = {"whistleblower-reason": "內容係檢舉公務員違法收受餽贈"}
    for who in ["secretariat", "director", "hq_auditor"]:
        assert client_for(getattr(rules, who)).post(mark, reason).status_code == 403, who
    assert client_for(rules.ethics).post(mark, reason).status_code == 302
    petition.refresh_from_db()
    assert petition.is_whistleblower_report
    assert_reporter_kept_apart(petition)
    event = AuditEvent.objects.get(action="petition.whistleblower_mark")
    assert (event.actor, event.target_id) == (rules.ethics, str(petition.pk))
    assert_no_page_shows_the_reporter(petition, client_for, rules)
    assert_not_found_by_the_reporters_name(client_for, rules)
    revealed = client_for(rules.ethics).post(
        reverse("petitions:reporter", kwargs={"agency": "sly", "pk": petition.pk}),
        {"reason": "需通知檢舉人補充事證"})
    assert IDENTITY["name"] in leaks(revealed)
    again = client_for(rules.ethics).post(mark, reason)
    assert again.status_code == 400 and ReporterIdentity.objects.count() == 1
    assert AuditEvent.objects.filter(action="petition.whistleblower_mark").count() == 1


def test_it_keeps_notes_to_the_reporter_for_the_ethics_office_once_marked(
        rules, client, client_for):
    """A contact note written before the marking names the petitioner; once the petition is a
    whistleblower report only the ethics office reads such notes (the rest of the timeline
    stays)."""
    _by_staff(client, rules.secretariat, [SimpleUploadedFile("letter.pdf", PDF)],
              channel="letter", category=category("other").pk)
    petition = Petition.objects.get()
    petition_record_contact(petition=petition, method="phone", actor=rules.secretariat,
                            summary=f"電話告知{IDENTITY['name']}先生已受理")
    detail = reverse("petitions:detail", kwargs={"agency": "sly", "pk": petition.pk})
    assert IDENTITY["name"] in leaks(client_for(rules.director).get(detail))  # not yet a report
    client_for(rules.ethics).post(
        reverse("petitions:act", kwargs={"agency": "sly", "pk": petition.pk,
                                         "action": "whistleblower"}),
        {"whistleblower-reason": "內容係檢舉公務員違法收受餽贈"})
    for who in PEOPLE:
        page = client_for(getattr(rules, who)).get(detail)
        if page.status_code != 200:
            continue
        assert "聯繫陳情人" in page.content.decode(), who  # the event itself is still listed
        assert (IDENTITY["name"] in leaks(page)) == (who == "ethics"), who

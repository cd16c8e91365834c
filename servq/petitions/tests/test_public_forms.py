import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from servq.petitions.models import Attachment, Petition, ReporterIdentity

from .conftest import PDF, PNG, category


def url(name, agency="sly"):
    return reverse(f"portal:petitions_public:{name}", kwargs={"agency": agency})


def form_data(client, mailbox="opinion", **changes):
    page = client.get(url(mailbox)).content.decode()
    token = re.search(r'name="submission_key" value="([0-9a-f]+)"', page).group(1)
    data = {"submission_key": token, "name": "林小華", "email": "lin@example.org",
            "phone": "0912-111-222", "address": "臺北市士林區", "category": "", "subject": "繳款疑問",
            "content": "想了解分期繳納的申請方式。", "website": ""}
    if mailbox == "opinion":
        data["category"] = category("case").pk
    data.update(changes)
    return data


def test_it_states_that_anonymous_or_contentless_petitions_may_not_be_processed(rules, client):
    for name in ("opinion", "ethics"):
        page = client.get(url(name)).content.decode()
        assert "得僅登錄存查，不予處理" in page
        assert '<label for="id_subject">' in page and "<fieldset>" in page


def test_it_receives_a_petition_and_gives_a_case_number_and_tracking_code(
        rules, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("opinion"), form_data(client))
    assert response.status_code == 302
    petition = Petition.objects.get()
    assert (petition.channel, petition.petitioner_name) == ("opinion_mailbox", "林小華")
    page = client.get(response["Location"]).content.decode()
    code = re.search(r'class="code">([A-Z0-9-]+)<', page).group(1)
    assert petition.number in page and code not in petition.tracking_code_hash
    [receipt] = mail.outbox
    assert receipt.to == ["lin@example.org"] and code in receipt.body
    assert petition.number in receipt.subject


def test_it_saves_a_double_submission_once(rules, client, django_capture_on_commit_callbacks):
    data = form_data(client)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url("opinion"), data)
        second = client.post(url("opinion"), data)
    assert first["Location"] == second["Location"]
    assert Petition.objects.count() == 1 and len(mail.outbox) == 1


def test_it_refuses_what_a_robot_fills_in_and_saves_nothing(rules, client):
    response = client.post(url("opinion"), form_data(client, website="http://spam.example"))
    assert response.status_code == 400 and not Petition.objects.exists()


def test_it_marks_errors_for_screen_readers(rules, client):
    response = client.post(url("opinion"), form_data(client, email="", phone="", address=""))
    page = response.content.decode()
    assert response.status_code == 400 and 'role="alert"' in page
    assert 'aria-describedby="id_phone_error"' in page and 'aria-invalid="true"' in page
    assert 'id="id_phone_error"' in page and "請至少留下一種聯絡方式" in page


@pytest.mark.parametrize("name,content,message", [
    ("report.pdf", b"MZ\x90\x00 not really a pdf", "不是 PDF、JPG 或 PNG"),
    ("photo.png", b"GIF89a....", "不是 PDF、JPG 或 PNG"),
    ("big.pdf", PDF + b"0" * 2048, "超過上限"),
])
def test_it_refuses_attachments_of_the_wrong_type_or_size(rules, client, settings, tmp_path,
                                                          name, content, message):
    settings.SERVQ_PETITION_ATTACHMENT_MAX_BYTES = 1024
    upload = tmp_path / name
    upload.write_bytes(content)
    with upload.open("rb") as handle:
        response = client.post(url("opinion"), form_data(client, attachment_1=handle))
    page = response.content.decode()
    assert response.status_code == 400 and message in page and name in page
    assert not Petition.objects.exists()


def test_it_keeps_attachments_out_of_public_reach(rules, client, tmp_path):
    upload = tmp_path / "scan.jpg"
    upload.write_bytes(PNG)  # named .jpg, but a PNG inside: stored as what it is
    with upload.open("rb") as handle:
        assert client.post(url("opinion"), form_data(client, attachment_1=handle)).status_code == 302
    item = Attachment.objects.get()
    assert item.content_type == "image/png" and item.file.name.endswith(".png")
    assert "scan" not in item.file.name  # stored under a random name
    assert client.get("/media/" + item.file.name).status_code == 404
    assert client.get("/" + item.file.name).status_code == 404


def test_it_limits_submissions_per_address(rules, client):
    for _ in range(10):
        client.post(url("opinion"), form_data(client), REMOTE_ADDR="10.0.0.9")
    refused = client.post(url("opinion"), form_data(client), REMOTE_ADDR="10.0.0.9")
    assert refused.status_code == 429 and "送出次數過多" in refused.content.decode()
    assert Petition.objects.count() == 10
    other = client.post(url("opinion"), form_data(client), REMOTE_ADDR="10.0.0.10")
    assert other.status_code == 302


def test_it_keeps_the_ethics_reporter_apart_from_the_report(rules, client):
    response = client.post(url("ethics"), form_data(client, "ethics", name="檢舉人丙"))
    assert response.status_code == 302
    petition = Petition.objects.get()
    assert petition.channel == "ethics_mailbox" and petition.category.code == "ethics"
    assert (petition.petitioner_name, petition.petitioner_email, petition.petitioner_phone) == \
        ("", "", "")
    assert ReporterIdentity.objects.get(petition=petition).name == "檢舉人丙"


def test_it_accepts_an_anonymous_ethics_report(rules, client):
    data = form_data(client, "ethics", name="", email="", phone="", address="")
    assert client.post(url("ethics"), data).status_code == 302
    petition = Petition.objects.get()
    assert petition.is_anonymous and not ReporterIdentity.objects.exists()


def test_it_answers_404_for_an_unknown_agency(rules, client):
    assert client.get(url("opinion", agency="nope")).status_code == 404


def test_it_shows_the_receipt_only_to_the_browser_that_submitted(rules, client, make_petition):
    """Someone else's case number and a number that does not exist get the same answer, so
    the receipt page tells nobody which numbers exist; the code shows once, the number stays."""
    response = client.post(url("opinion"), form_data(client))
    mine = client.get(response["Location"]).content.decode()
    again = client.get(response["Location"]).content.decode()
    assert 'class="code"' in mine and 'class="code"' not in again
    assert Petition.objects.get().number in again
    existing = make_petition()
    stranger = Client()
    answers = [stranger.get(url("received"), {"n": number})
               for number in [existing.number, "SLY104999999", ""]]
    assert len({(a.status_code, a.get("Location"), a.content) for a in answers}) == 1
    assert answers[0].status_code == 302 and answers[0]["Location"] == url("track")


def test_it_refuses_an_address_longer_than_its_column(rules, client):
    long_address = "x" * 250 + "@example.org"  # valid for Django's validator, too long to store
    response = client.post(url("opinion"), form_data(client, email=long_address))
    assert response.status_code == 400 and not Petition.objects.exists()

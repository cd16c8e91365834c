import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from servq.api.models import ApiToken
from servq.api.tokens import api_token_create, api_token_revoke
from servq.core.models import AuditEvent
from servq.petitions.models import Petition

NEW = {"channel": "letter", "category": "case", "subject": "公文系統轉入的陳情",
       "content": "請求說明扣薪金額。", "received_on": "2015-06-01", "section": "sec-geng",
       "petitioner": {"name": "黃大明", "email": "huang@example.org", "phone": "0911-222-333"},
       "idempotency_key": "1040012345"}


def create_url(agency="sly"):
    return reverse("api:petitions", kwargs={"agency": agency})


def post(client, headers, body, agency="sly"):
    return client.post(create_url(agency), json.dumps(body), content_type="application/json",
                       **headers)


def test_it_creates_a_petition_once_per_idempotency_key(api):
    client, headers = api
    created = post(client, headers, NEW)
    assert created.status_code == 201
    body = created.json()
    assert body["number"] == "SLY104000001" and body["due_on"] == "2015-06-15"
    assert len(body["tracking_code"]) == 11 and body["status"] == "received"
    assert "黃大明" not in created.content.decode() and "huang" not in created.content.decode()
    petition = Petition.objects.get()
    assert (petition.petitioner_name, petition.section_hint.code) == ("黃大明", "sec-geng")
    again = post(client, headers, NEW)
    assert again.status_code == 200 and "tracking_code" not in again.json()
    assert Petition.objects.count() == 1
    assert AuditEvent.objects.filter(action="api.petition_create").count() == 1


def test_it_reads_a_petitions_status(api):
    client, headers = api
    number = post(client, headers, NEW).json()["number"]
    response = client.get(reverse("api:petition", kwargs={"agency": "sly", "number": number}),
                          **headers)
    body = response.json()
    assert response.status_code == 200 and body["events"] == [
        {"kind": "received", "date": "2015-06-01"}]
    assert body["overdue"] is True and body["replied_on"] is None
    missing = client.get(reverse("api:petition", kwargs={"agency": "sly",
                                                         "number": "SLY104999999"}), **headers)
    assert missing.status_code == 404 and "error" in missing.json()


def test_it_names_each_bad_field(api):
    client, headers = api
    response = post(client, headers, {"channel": "oral", "category": "nope", "subject": "",
                                      "received_on": "2015-13-01", "section": "sec-none"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"channel", "category", "subject", "received_on",
                                              "section"}
    forwarded = post(client, headers, {**NEW, "channel": "forwarded", "idempotency_key": ""})
    assert forwarded.status_code == 400 and "forwarded_ref" in forwarded.json()["errors"]
    broken = client.post(create_url(), "{not json", content_type="application/json", **headers)
    assert broken.status_code == 400
    assert not Petition.objects.exists()


@pytest.mark.parametrize("header", [None, "Token nope", "Token sq_abcdefgh_wrong", "Basic xyz"])
def test_it_refuses_requests_without_a_valid_key(api, header):
    client, _ = api
    headers = {"HTTP_AUTHORIZATION": header} if header else {}
    response = post(client, headers, NEW)
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Token")


def test_it_keeps_each_key_to_its_own_agency_and_honours_revocation(api, cast):
    client, headers = api
    assert post(client, headers, NEW, agency="tpy").status_code == 404
    token, key = api_token_create(agency=cast.tpy, name="臺北公文系統")
    number = post(client, headers, NEW).json()["number"]
    other = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert client.get(reverse("api:petition", kwargs={"agency": "sly", "number": number}),
                      **other).status_code == 404
    api_token_revoke(token=ApiToken.objects.get(agency=cast.sly))
    assert post(client, headers, {**NEW, "idempotency_key": "x"}).status_code == 401


def test_it_ignores_a_logged_in_session(api, cast, client_for):
    client = client_for(cast.secretariat)
    assert post(client, {}, NEW).status_code == 401


def test_it_prints_a_new_key_once_and_the_key_works(cast, office_calendar_2015, client):
    out = StringIO()
    call_command("create_api_token", agency="sly", name="公文系統", stdout=out)
    key = out.getvalue().strip().splitlines()[-1]
    token = ApiToken.objects.get()
    assert key.startswith(f"sq_{token.prefix}_") and key.split("_", 2)[2] not in token.key_hash
    response = client.get(reverse("api:petition", kwargs={"agency": "sly", "number": "X"}),
                          HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 404 and ApiToken.objects.get().last_used_at


def test_it_refuses_what_the_database_could_not_hold_with_named_fields(api):
    """Too long for its column, an address that is not one (a newline would break the mail
    header), a mark that is not true/false: 400 naming each field, nothing saved."""
    client, headers = api
    response = post(client, headers, {**NEW, "subject": "主" * 201, "whistleblower": "yes",
                                      "petitioner": {"name": "名" * 61, "phone": "1" * 31,
                                                     "address": "址" * 201,
                                                     "email": "a@example.org\nBcc: x@evil.example"},
                                      "forwarded": {"by": "機" * 101, "ref": "號" * 61}})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {
        "subject", "whistleblower", "petitioner.name", "petitioner.phone", "petitioner.address",
        "petitioner.email", "forwarded.by", "forwarded.ref"}
    for email in ["not-an-address", "a@exa mple.org", "x" * 250 + "@example.org"]:
        response = post(client, headers, {**NEW, "petitioner": {"name": "甲", "email": email}})
        assert response.status_code == 400 and "petitioner.email" in response.json()["errors"]
    assert not Petition.objects.exists()


def test_it_accepts_the_longest_values_the_columns_hold(api):
    client, headers = api
    response = post(client, headers, {**NEW, "idempotency_key": "k" * 64, "subject": "主" * 200,
                                      "petitioner": {"name": "名" * 60, "phone": "1" * 30,
                                                     "address": "址" * 200}})
    assert response.status_code == 201
    petition = Petition.objects.get()
    assert (len(petition.petitioner_name), len(petition.subject)) == (60, 200)

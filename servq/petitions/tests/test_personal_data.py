"""Exactly the roles that need the petitioner's personal data see it; each unmasked view is
audited; everyone else sees it masked, and lists and exports never carry it. The petition's
files are personal data too: their own names (here the petitioner's name) and their content
(the citizen's files, the signed oral record, the staff's reply letters)."""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from servq.core.models import AuditEvent, Unit
from servq.petitions.attachments import check_attachment
from servq.petitions.models import Channel
from servq.petitions.personal import mask_email, mask_name, mask_phone
from servq.petitions.services import Petitioner, petition_assign, petition_attach

from .conftest import PDF, PNG, section

NAME, PHONE, EMAIL = "陳大文", "0955-123-456", "chen.dawen@example.org"
# who: (status of the petition page, sees the personal data)
EXPECTED = {
    "secretariat": (200, True), "ethics": (200, True), "director": (200, True),
    "clerk": (200, True),  # the petition is assigned to the clerk's section
    "committee": (200, False),  # referred to the committee earlier
    "hq_auditor": (200, False),
    "statistics": (403, False), "personnel": (403, False), "accounting": (403, False),
    "front_desk": (403, False), "sysadmin": (404, False), "outsider": (404, False),
    "no_role": (404, False),
}


def upload(name: str, content: bytes):
    return check_attachment(SimpleUploadedFile(name, content))


@pytest.fixture
def petition(make_petition, rules):
    """An oral petition (its signed record), a file of the petitioner's and a reply letter,
    each named after the petitioner; referred to the committee, then to the 庚股 clerk."""
    petition = make_petition(category_code="attitude", channel=Channel.ORAL,
                             petitioner=Petitioner(NAME, EMAIL, PHONE, "臺北市北投區"),
                             recorded_by=rules.ethics,
                             signed_record=upload(f"{NAME}簽名紀錄.pdf", PDF),
                             attachments=(upload(f"{NAME}身分證.png", PNG),))
    petition_attach(petition=petition, files=[upload(f"函復{NAME}.pdf", PDF)],
                    actor=rules.secretariat)
    petition_assign(petition=petition, unit=Unit.objects.get(agency=rules.sly, code="attitude"),
                    actor=rules.secretariat)
    petition_assign(petition=petition, unit=section(rules.sly), user=rules.clerk,
                    actor=rules.secretariat)
    return petition


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_it_shows_personal_data_only_to_the_roles_that_need_it(petition, client_for, rules, who):
    status, sees = EXPECTED[who]
    before = AuditEvent.objects.filter(action="petition.personal_view").count()
    response = client_for(getattr(rules, who)).get(
        reverse("petitions:detail", kwargs={"agency": "sly", "pk": petition.pk}))
    page = response.content.decode()
    assert response.status_code == status
    assert (NAME in page, PHONE in page, EMAIL in page) == (sees, sees, sees)
    if status == 200 and not sees:
        assert mask_name(NAME) in page and "個人資料已遮蔽" in page
        assert page.count(f"{petition.number}-") == 3  # the files under neutral names
    audited = AuditEvent.objects.filter(action="petition.personal_view").count() - before
    assert audited == (1 if sees else 0)


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_it_gives_the_files_only_to_readers_of_personal_data(petition, client_for, rules, who):
    status, sees = EXPECTED[who]
    client = client_for(getattr(rules, who))
    kinds = set()
    for item in petition.attachments.all():
        kinds.add(item.kind)
        response = client.get(reverse("petitions:attachment", kwargs={
            "agency": "sly", "pk": petition.pk, "attachment_pk": item.pk}))
        assert response.status_code == (200 if sees else 403 if status == 200 else status)
        if sees:  # the file keeps its own name for them
            assert quote(NAME) in response["Content-Disposition"]
            b"".join(response.streaming_content)
    assert kinds == {"signed_record", "citizen", "staff"}
    downloads = AuditEvent.objects.filter(action="petition.attachment_download").count()
    assert downloads == (3 if sees else 0)


@pytest.mark.parametrize("who", ["secretariat", "clerk", "committee", "hq_auditor", "director"])
def test_it_keeps_personal_data_out_of_lists_and_exports(petition, client_for, rules, who):
    client = client_for(getattr(rules, who))
    for name in ["inbox", "overdue", "export"]:
        response = client.get(reverse(f"petitions:{name}", kwargs={"agency": "sly"}),
                              {"on": "2099-01-01"} if name == "overdue" else {})
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert NAME not in body.decode() and PHONE not in body.decode(), name


def test_it_lets_only_readers_of_personal_data_search_by_name(petition, client_for, rules):
    address = reverse("petitions:inbox", kwargs={"agency": "sly"})
    found = client_for(rules.secretariat).get(address, {"name": "大文"}).content.decode()
    assert petition.number in found
    assert AuditEvent.objects.filter(action="petition.search_by_name").count() == 1
    assert "大文" not in str(AuditEvent.objects.get(action="petition.search_by_name").detail)
    missed = client_for(rules.secretariat).get(address, {"name": "王"}).content.decode()
    assert petition.number not in missed
    committee = client_for(rules.committee).get(address, {"name": "王"}).content.decode()
    assert petition.number in committee  # no name field for them: the filter is ignored


def test_it_masks_names_phones_and_addresses():
    assert (mask_name("陳大文"), mask_name("李四"), mask_name("")) == ("陳○文", "李○", "")
    assert mask_phone(PHONE) == "○○○○○○○456" and "chen" not in mask_email(EMAIL)

"""Exactly the roles that need the petitioner's personal data see it; each unmasked view is
audited; everyone else sees it masked, and lists and exports never carry it."""

import pytest
from django.urls import reverse

from servq.core.models import AuditEvent, Unit
from servq.petitions.personal import mask_email, mask_name, mask_phone
from servq.petitions.services import Petitioner, petition_assign

from .conftest import section

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


@pytest.fixture
def petition(make_petition, rules):
    petition = make_petition(category_code="attitude",
                             petitioner=Petitioner(NAME, EMAIL, PHONE, "臺北市北投區"))
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
    audited = AuditEvent.objects.filter(action="petition.personal_view").count() - before
    assert audited == (1 if sees else 0)


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

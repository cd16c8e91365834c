"""core.access's petition getters, called directly (the views use them for every page)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from servq.core import access
from servq.core.models import Unit
from servq.petitions.services import petition_assign

from .conftest import section


@pytest.fixture
def petition(make_petition, rules):
    petition = make_petition(category_code="case")
    petition_assign(petition=petition, unit=section(rules.sly), user=rules.clerk,
                    actor=rules.secretariat)
    return petition


@pytest.mark.parametrize("who,read,write", [
    ("secretariat", "ok", "ok"), ("ethics", "ok", "ok"), ("clerk", "ok", "ok"),
    ("director", "ok", 403), ("hq_auditor", "ok", 403), ("committee", 404, 404),
    ("statistics", 403, 403), ("outsider", 404, 404), ("sysadmin", 404, 404),
    ("no_role", 404, 404),
])
def test_it_opens_a_petition_only_within_the_users_scope(petition, rules, who, read, write):
    user = getattr(rules, who)
    for expected, flag in [(read, False), (write, True)]:
        if expected == "ok":
            assert access.get_petition_for_user(user, petition.pk, write=flag) == petition
        else:
            error = Http404 if expected == 404 else PermissionDenied
            with pytest.raises(error):
                access.get_petition_for_user(user, petition.pk, write=flag)


def test_it_refuses_a_petition_asked_for_under_another_agencys_address(petition, rules):
    with pytest.raises(Http404):
        access.get_petition_for_user(rules.secretariat, petition.pk, agency_code="tpy")
    with pytest.raises(Http404):
        access.get_petition_for_user(rules.secretariat, 999999)


def test_it_lets_the_committee_see_what_was_referred_to_it_even_after_a_transfer(petition,
                                                                                 rules):
    committee = Unit.objects.get(agency=rules.sly, code="attitude")
    petition_assign(petition=petition, unit=committee, actor=rules.secretariat)
    petition_assign(petition=petition, unit=section(rules.sly), actor=rules.secretariat)
    assert access.get_petition_for_user(rules.committee, petition.pk) == petition
    assert not access.can_view_personal(rules.committee, petition)
    assert not access.can_reveal_reporter(rules.ethics, petition)  # not an ethics report


@pytest.mark.parametrize("whistleblower,readers", [
    (False, {"secretariat", "ethics", "clerk", "director"}),
    (True, {"ethics"}),
])
def test_it_opens_a_petitions_files_to_readers_of_personal_data_only(make_petition, rules,
                                                                      whistleblower, readers):
    """Masked roles (the committee, the HQ auditor) never; a whistleblower report's files the
    ethics office only; the reveal is for whistleblower reports only."""
    petition = make_petition(whistleblower=whistleblower)
    people = ["secretariat", "ethics", "clerk", "director", "committee", "hq_auditor",
              "statistics", "outsider", "sysadmin", "no_role"]
    opened = {who for who in people if access.can_open_attachments(getattr(rules, who),
                                                                     petition)}
    revealed = {who for who in people if access.can_reveal_reporter(getattr(rules, who),
                                                                     petition)}
    assert opened == readers and revealed == ({"ethics"} if whistleblower else set())

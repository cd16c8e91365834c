import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from servq.core import access
from servq.core.access import ROLE_PERMISSIONS, Perm
from servq.core.models import Membership, Unit

# The expected matrix, written out independently of ROLE_PERMISSIONS: who may do what in Shilin.
EXPECTED_IN_SHILIN = {
    Perm.SURVEY_VIEW_RESULTS: {"secretariat", "ethics", "statistics", "director", "hq_auditor"},
    Perm.SURVEY_ENTER_PAPER: {"secretariat", "ethics", "front_desk"},
    Perm.SURVEY_IMPORT: {"secretariat", "ethics", "statistics"},
    Perm.PETITION_VIEW_PERSONAL: {"secretariat", "ethics", "clerk", "director"},
    Perm.PETITION_VIEW_WHISTLEBLOWER: {"ethics"},
    Perm.REPORT_BUILD: {"secretariat", "director", "hq_auditor"},
    Perm.AUDIT_VIEW: {"ethics", "director", "hq_auditor"},
}
PEOPLE = ["secretariat", "ethics", "statistics", "personnel", "accounting", "clerk", "committee",
          "front_desk", "director", "hq_auditor", "outsider", "sysadmin", "no_role"]


@pytest.mark.parametrize("perm", sorted(EXPECTED_IN_SHILIN))
def test_it_grants_each_permission_to_exactly_the_expected_roles(cast, perm):
    granted = {name for name in PEOPLE if access.has_perm(getattr(cast, name), perm, cast.sly)}
    assert granted == EXPECTED_IN_SHILIN[perm]


def test_it_refuses_other_branches_with_404_and_missing_permissions_with_403(cast):
    with pytest.raises(Http404):
        access.get_agency_for_user(cast.outsider, "sly", Perm.SURVEY_VIEW_RESULTS)
    with pytest.raises(Http404):
        access.get_agency_for_user(cast.no_role, "sly", Perm.SURVEY_VIEW_RESULTS)
    with pytest.raises(PermissionDenied):
        access.get_agency_for_user(cast.front_desk, "sly", Perm.SURVEY_VIEW_RESULTS)
    with pytest.raises(Http404):
        access.get_agency_for_user(cast.secretariat, "nope", Perm.SURVEY_VIEW_RESULTS)
    assert access.get_agency_for_user(cast.outsider, "tpy", Perm.SURVEY_VIEW_RESULTS) == cast.tpy


def test_it_lets_the_hq_auditor_read_every_branch_but_change_nothing(cast):
    for agency in cast.agencies.values():
        assert access.has_perm(cast.hq_auditor, Perm.SURVEY_VIEW_RESULTS, agency)
        assert not access.has_perm(cast.hq_auditor, Perm.SURVEY_ENTER_PAPER, agency)
        assert not access.has_perm(cast.hq_auditor, Perm.PETITION_VIEW_PERSONAL, agency)
    assert access.agencies_with_perm(cast.hq_auditor, Perm.REPORT_VIEW).count() == 14


def test_it_gives_the_system_administrator_no_personal_data(cast):
    personal = {Perm.PETITION_VIEW_PERSONAL, Perm.PETITION_VIEW_WHISTLEBLOWER,
                Perm.PETITION_VIEW}
    assert not personal & ROLE_PERMISSIONS["sysadmin"]


def test_it_limits_ledger_editing_to_the_owning_office(cast):
    accounting = Unit.Function.ACCOUNTING
    assert access.can_edit_office(cast.accounting, cast.sly, accounting)
    assert not access.can_edit_office(cast.statistics, cast.sly, accounting)
    assert not access.can_edit_office(cast.director, cast.sly, accounting)
    assert not access.can_edit_office(cast.outsider, cast.sly, accounting)


def test_it_ignores_inactive_memberships_and_users(cast):
    Membership.objects.filter(user=cast.ethics).update(is_active=False)
    cast.ethics.refresh_from_db()
    assert not access.has_perm(cast.ethics, Perm.SURVEY_VIEW_RESULTS, cast.sly)
    cast.statistics.is_active = False
    cast.statistics.save()
    cast.statistics.refresh_from_db()
    assert not access.has_perm(cast.statistics, Perm.SURVEY_VIEW_RESULTS, cast.sly)


def test_it_refuses_ledger_writes_outside_the_owning_office(cast):
    accounting = Unit.Function.ACCOUNTING
    access.require_office(cast.accounting, cast.sly, accounting)
    with pytest.raises(PermissionDenied):
        access.require_office(cast.director, cast.sly, accounting)
    with pytest.raises(PermissionDenied):
        access.require_office(cast.hq_auditor, cast.sly, accounting)
    with pytest.raises(Http404):
        access.require_office(cast.outsider, cast.sly, accounting)


def test_it_accepts_any_one_of_several_permissions(cast):
    perms = [Perm.ATTITUDE_REVIEW, Perm.ATTITUDE_APPROVE]
    access.require_any(cast.committee, perms, cast.sly)
    access.require_any(cast.director, perms, cast.sly)
    with pytest.raises(PermissionDenied):
        access.require_any(cast.secretariat, perms, cast.sly)
    with pytest.raises(Http404):
        access.require_any(cast.no_role, perms, cast.sly)


def test_it_finds_the_agency_for_anyone_working_there(cast):
    assert access.get_agency_for_member(cast.front_desk, "sly") == cast.sly
    assert access.get_agency_for_member(cast.hq_auditor, "sly") == cast.sly
    for user, code in ((cast.outsider, "sly"), (cast.sysadmin, "sly"), (cast.no_role, "sly"),
                       (cast.clerk, "nope")):
        with pytest.raises(Http404):
            access.get_agency_for_member(user, code)

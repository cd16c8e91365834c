from datetime import date

from servq.core.models import Membership, Unit
from servq.core.roles import Role
from servq.petitions.models import Channel, Petition, RoutingRule
from servq.petitions.routing import suggest_assignment
from servq.petitions.selectors import PetitionSearch, petition_list
from servq.petitions.services import petition_assign

from .conftest import category, section


def test_it_sends_an_attitude_complaint_to_the_committee(make_petition, rules):
    petition = make_petition(category_code="attitude")
    suggestion = suggest_assignment(petition)
    assert suggestion.unit.function == Unit.Function.ATTITUDE_COMMITTEE
    petition_assign(petition=petition, unit=suggestion.unit, actor=rules.secretariat)
    petition.refresh_from_db()
    assert petition.referred_to_committee and petition.status == Petition.Status.ASSIGNED
    assert petition in petition_list(user=rules.committee, agency=rules.sly)
    assert petition not in petition_list(user=rules.clerk, agency=rules.sly)


def test_it_makes_a_case_matter_a_chen_case_for_the_section_and_its_clerk(make_petition, rules):
    geng = section(rules.sly)
    petition = make_petition(category_code="case", section_hint=geng)
    suggestion = suggest_assignment(petition)
    assert (suggestion.unit, suggestion.user) == (geng, rules.clerk)
    petition_assign(petition=petition, unit=suggestion.unit, user=suggestion.user,
                    actor=rules.secretariat)
    petition.refresh_from_db()
    assert petition.is_case_matter and not petition.referred_to_committee
    mine = petition_list(user=rules.clerk, agency=rules.sly, search=PetitionSearch(box="mine"))
    assert list(mine) == [petition]
    # Another section's clerk sees nothing of it.
    other = Membership.objects.create(user=rules.no_role, agency=rules.sly,
                                      role=Role.SECTION_CLERK, unit=section(rules.sly, "sec-jia"))
    assert not petition_list(user=other.user, agency=rules.sly).exists()


def test_it_asks_staff_to_pick_the_section_when_the_petitioner_named_none(make_petition):
    suggestion = suggest_assignment(make_petition(category_code="case"))
    assert suggestion.unit is None and "承辦股" in suggestion.note


def test_it_sends_other_matters_to_the_unit_that_owns_them(make_petition):
    assert suggest_assignment(make_petition(category_code="service")).unit.function == \
        Unit.Function.SECRETARIAT
    ethics = make_petition(channel=Channel.ETHICS_MAILBOX, category_code="ethics")
    assert suggest_assignment(ethics).unit.function == Unit.Function.ETHICS


def test_it_follows_rules_an_administrator_changes(make_petition, rules):
    petition = make_petition(category_code="service", channel=Channel.EMAIL)
    statistics = Unit.objects.get(agency=rules.sly, code="statistics")
    RoutingRule.objects.create(agency=rules.sly, category=category("service"),
                               channel=Channel.EMAIL, unit=statistics, priority=500)
    assert suggest_assignment(petition).unit == statistics  # channel + category beats category
    RoutingRule.objects.filter(agency=rules.sly, channel=Channel.EMAIL).update(is_active=False)
    assert suggest_assignment(petition).unit.function == Unit.Function.SECRETARIAT


def test_it_records_a_transfer_after_the_first_assignment(make_petition, rules):
    petition = make_petition(category_code="other", received_on=date(2015, 6, 1))
    secretariat = Unit.objects.get(agency=rules.sly, code="secretariat")
    petition_assign(petition=petition, unit=secretariat, actor=rules.secretariat)
    petition_assign(petition=petition, unit=section(rules.sly), user=rules.clerk,
                    actor=rules.secretariat)
    kinds = list(petition.events.values_list("kind", flat=True))
    assert kinds == ["received", "assigned", "transferred"]

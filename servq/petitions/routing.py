"""The first assignment of a new petition, suggested from the agency's routing rules.

The most specific active rule wins (a category and a channel, then a category, then a
channel, then a catch-all; ties by priority). A rule names a unit, or the section (股)
handling the enforcement case: then the petition becomes a 陳字 case for that section and
its clerk. Staff confirm or change the suggestion when they assign.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q

from servq.core.models import Membership, Unit
from servq.core.roles import Role

from .models import Petition, RoutingRule


@dataclass(frozen=True)
class Suggestion:
    unit: Unit | None
    user: object | None
    rule: RoutingRule | None
    note: str


def _specificity(rule: RoutingRule) -> tuple:
    return (rule.category_id is None, rule.channel == "", rule.priority, rule.pk)


def matching_rule(petition: Petition) -> RoutingRule | None:
    rules = RoutingRule.objects.filter(
        Q(category=petition.category) | Q(category__isnull=True),
        Q(channel=petition.channel) | Q(channel=""),
        agency_id=petition.agency_id, is_active=True,
    ).select_related("unit", "category")
    return min(rules, key=_specificity, default=None)


def section_clerk(section: Unit):
    """The section's clerk (書記官) who holds a servq login, if any."""
    membership = Membership.objects.active().filter(
        agency_id=section.agency_id, unit=section, role=Role.SECTION_CLERK,
    ).order_by("pk").first()
    return get_user_model().objects.get(pk=membership.user_id) if membership else None


def suggest_assignment(petition: Petition) -> Suggestion:
    rule = matching_rule(petition)
    if rule is None:
        return Suggestion(None, None, None, "沒有適用的分案規則，請自行選擇承辦單位。")
    if rule.target == RoutingRule.Target.UNIT:
        return Suggestion(rule.unit, None, rule, f"依分案規則「{rule}」。")
    section = petition.section_hint
    if section is None:
        return Suggestion(None, None, rule,
                          "涉及執行案件，改分陳字案：請選擇承辦股（陳情人未指明股別）。")
    return Suggestion(section, section_clerk(section), rule,
                      f"涉及執行案件，改分陳字案由{section.name}承辦書記官處理。")

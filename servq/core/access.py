"""Who may see and change what. Every view, command acting for a user, and API call asks here.

A user holds roles through Memberships, each in one agency. A role grants a set of permissions
in that agency; the HQ auditor's read permissions extend to every agency below the HQ.
Refusals: an agency the user has no standing in is 404 (its data's existence is not revealed);
an agency the user works in but without the permission asked is 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from .models import Agency, Membership, Unit
from .roles import Role


class Perm:
    # questionnaire
    SURVEY_VIEW_RESULTS = "survey.view_results"
    SURVEY_ENTER_PAPER = "survey.enter_paper"
    SURVEY_IMPORT = "survey.import"
    SURVEY_MANAGE = "survey.manage"
    # petitions and media
    PETITION_VIEW = "petition.view"
    PETITION_VIEW_PERSONAL = "petition.view_personal"
    PETITION_HANDLE = "petition.handle"
    PETITION_ASSIGN = "petition.assign"
    PETITION_RECORD_ORAL = "petition.record_oral"
    PETITION_VIEW_WHISTLEBLOWER = "petition.view_whistleblower"
    PETITION_MANAGE_RULES = "petition.manage_rules"
    MEDIA_EDIT = "media.edit"
    # service ledgers (editing is further limited to the ledger's owning office: can_edit_office)
    LEDGER_VIEW = "ledger.view"
    LEDGER_EDIT = "ledger.edit"
    LEDGER_TALLY = "ledger.tally"
    ATTITUDE_REVIEW = "attitude.review"
    ATTITUDE_APPROVE = "attitude.approve"
    LINKS_CHECK = "links.check"
    # reports
    REPORT_VIEW = "report.view"
    REPORT_BUILD = "report.build"
    REPORT_EDIT_TEMPLATE = "report.edit_template"
    REPORT_ISSUE = "report.issue"
    # public site content
    PORTAL_EDIT = "portal.edit"
    # administration
    AUDIT_VIEW = "core.view_audit"
    ADMIN_REFERENCE = "core.admin_reference"


P = Perm
_READ_ALL = {
    P.SURVEY_VIEW_RESULTS, P.PETITION_VIEW, P.LEDGER_VIEW, P.REPORT_VIEW, P.REPORT_BUILD,
}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.SECRETARIAT: frozenset({
        P.SURVEY_VIEW_RESULTS, P.SURVEY_ENTER_PAPER, P.SURVEY_IMPORT, P.SURVEY_MANAGE,
        P.PETITION_VIEW, P.PETITION_VIEW_PERSONAL, P.PETITION_HANDLE, P.PETITION_ASSIGN,
        P.PETITION_MANAGE_RULES, P.MEDIA_EDIT,
        P.LEDGER_VIEW, P.LEDGER_EDIT, P.LEDGER_TALLY,
        P.REPORT_VIEW, P.REPORT_BUILD, P.REPORT_EDIT_TEMPLATE, P.REPORT_ISSUE,
        P.PORTAL_EDIT,
    }),
    # The ethics office runs the questionnaire (為民服務暨政風狀況問卷) and the ethics mailbox.
    Role.ETHICS: frozenset({
        P.SURVEY_VIEW_RESULTS, P.SURVEY_ENTER_PAPER, P.SURVEY_IMPORT, P.SURVEY_MANAGE,
        P.PETITION_VIEW, P.PETITION_VIEW_PERSONAL, P.PETITION_HANDLE, P.PETITION_ASSIGN,
        P.PETITION_RECORD_ORAL, P.PETITION_VIEW_WHISTLEBLOWER,
        P.LEDGER_VIEW, P.LEDGER_EDIT, P.REPORT_VIEW, P.AUDIT_VIEW,
    }),
    Role.STATISTICS: frozenset({
        P.SURVEY_VIEW_RESULTS, P.SURVEY_IMPORT,
        P.LEDGER_VIEW, P.LEDGER_EDIT, P.LINKS_CHECK, P.REPORT_VIEW, P.PORTAL_EDIT,
    }),
    Role.PERSONNEL: frozenset({P.LEDGER_VIEW, P.LEDGER_EDIT, P.REPORT_VIEW}),
    Role.ACCOUNTING: frozenset({P.LEDGER_VIEW, P.LEDGER_EDIT, P.REPORT_VIEW}),
    # Section clerks see and handle the petitions assigned to them or their section only
    # (object rules live with the petition getters below).
    Role.SECTION_CLERK: frozenset({
        P.PETITION_VIEW, P.PETITION_VIEW_PERSONAL, P.PETITION_HANDLE, P.LEDGER_TALLY,
    }),
    Role.ATTITUDE_COMMITTEE: frozenset({
        P.PETITION_VIEW, P.ATTITUDE_REVIEW, P.LEDGER_VIEW, P.LEDGER_EDIT,
    }),
    Role.FRONT_DESK: frozenset({P.SURVEY_ENTER_PAPER, P.LEDGER_TALLY}),
    Role.DIRECTOR: frozenset({
        P.SURVEY_VIEW_RESULTS, P.PETITION_VIEW, P.PETITION_VIEW_PERSONAL, P.PETITION_ASSIGN,
        P.LEDGER_VIEW, P.ATTITUDE_APPROVE, P.REPORT_VIEW, P.REPORT_BUILD, P.REPORT_ISSUE,
        P.AUDIT_VIEW,
    }),
    Role.HQ_AUDITOR: frozenset(_READ_ALL | {P.AUDIT_VIEW}),
    # Administrators keep reference data; they get no personal data and no case handling.
    Role.SYSADMIN: frozenset({P.ADMIN_REFERENCE, P.AUDIT_VIEW, P.SURVEY_MANAGE,
                              P.PETITION_MANAGE_RULES}),
}

# The office whose ledgers a role may edit (ledger.edit is further limited to these).
ROLE_OFFICE: dict[str, str] = {
    Role.SECRETARIAT: Unit.Function.SECRETARIAT,
    Role.ETHICS: Unit.Function.ETHICS,
    Role.STATISTICS: Unit.Function.STATISTICS,
    Role.PERSONNEL: Unit.Function.PERSONNEL,
    Role.ACCOUNTING: Unit.Function.ACCOUNTING,
    Role.ATTITUDE_COMMITTEE: Unit.Function.ATTITUDE_COMMITTEE,
    Role.FRONT_DESK: Unit.Function.FRONT_DESK,
    Role.SECTION_CLERK: Unit.Function.ENFORCEMENT,
}

# Roles whose permissions reach every agency below the one they are held in.
SUBTREE_ROLES = {Role.HQ_AUDITOR}


def _grants(user) -> dict[int, set[str]]:
    """agency id -> permissions, computed once per user object (i.e. once per request)."""
    cached = getattr(user, "_servq_grants", None)
    if cached is not None:
        return cached
    grants: dict[int, set[str]] = {}
    roles: dict[int, set[str]] = {}
    if user is not None and user.is_authenticated and user.is_active:
        memberships = Membership.objects.active().filter(user=user).select_related("agency")
        for membership in memberships:
            perms = ROLE_PERMISSIONS.get(membership.role, frozenset())
            agency_ids = (
                Agency.objects.subtree_ids(membership.agency)
                if membership.role in SUBTREE_ROLES
                else [membership.agency_id]
            )
            for agency_id in agency_ids:
                grants.setdefault(agency_id, set()).update(perms)
                roles.setdefault(agency_id, set()).add(membership.role)
    user._servq_grants = grants
    user._servq_roles = roles
    return grants


def roles_in(user, agency: Agency) -> set[str]:
    _grants(user)
    return set(getattr(user, "_servq_roles", {}).get(agency.pk, set()))


def has_perm(user, perm: str, agency: Agency) -> bool:
    return perm in _grants(user).get(agency.pk, set())


def has_standing(user, agency: Agency) -> bool:
    """Whether the user holds any role that reaches this agency."""
    return agency.pk in _grants(user)


def agencies_with_perm(user, perm: str):
    ids = [agency_id for agency_id, perms in _grants(user).items() if perm in perms]
    return Agency.objects.filter(pk__in=ids)


def can_edit_office(user, agency: Agency, office: str) -> bool:
    """ledger.edit for a ledger owned by `office` (a Unit.Function)."""
    if not has_perm(user, Perm.LEDGER_EDIT, agency):
        return False
    return any(ROLE_OFFICE.get(role) == office for role in roles_in(user, agency))


def require(user, perm: str, agency: Agency) -> None:
    if not has_standing(user, agency):
        raise Http404("找不到此機關的資料。")
    if not has_perm(user, perm, agency):
        raise PermissionDenied("您的角色沒有這項權限。")


def get_agency_for_user(user, code: str, perm: str) -> Agency:
    """The agency with this code if the user holds `perm` there; 404/403 otherwise."""
    try:
        agency = Agency.objects.select_related("parent").get(code=code)
    except Agency.DoesNotExist:
        raise Http404("找不到此機關。") from None
    require(user, perm, agency)
    return agency


def agencies_for_user(user):
    """Every agency where the user holds some role (directly or through the HQ)."""
    return Agency.objects.filter(pk__in=list(_grants(user).keys()))


# --- service ledgers -----------------------------------------------------------------------

def require_office(user, agency: Agency, office: str) -> None:
    """Editing a ledger owned by `office`: 404 without standing, 403 for any other office."""
    if not has_standing(user, agency):
        raise Http404("找不到此機關的資料。")
    if not can_edit_office(user, agency, office):
        raise PermissionDenied("只有負責單位可以登錄或修改這份紀錄。")


def require_any(user, perms: list[str], agency: Agency) -> None:
    """At least one of `perms` (404 without standing, 403 otherwise)."""
    if not has_standing(user, agency):
        raise Http404("找不到此機關的資料。")
    if not any(has_perm(user, perm, agency) for perm in perms):
        raise PermissionDenied("您的角色沒有這項權限。")


def get_agency_for_member(user, code: str) -> Agency:
    """The agency if the user holds any role in it (pages for all staff, such as the intranet
    honour roll); 404 otherwise."""
    try:
        agency = Agency.objects.get(code=code)
    except Agency.DoesNotExist:
        raise Http404("找不到此機關。") from None
    if not has_standing(user, agency):
        raise Http404("找不到此機關的資料。")
    return agency


# --- petitions: which petitions a user may list, open and change ------------------------------
# Agency-wide readers; a section clerk sees what is assigned to them or their section, the
# attitude committee what was referred to it. Personal data needs PETITION_VIEW_PERSONAL;
# a whistleblower's identity PETITION_VIEW_WHISTLEBLOWER (servq.petitions.whistleblower).
PETITION_AGENCY_WIDE_ROLES = {Role.SECRETARIAT, Role.ETHICS, Role.DIRECTOR, Role.HQ_AUDITOR}


def petition_visibility(user, agency: Agency):
    """A Q over Petition for what the user may see in `agency`, or None for nothing."""
    if not has_perm(user, Perm.PETITION_VIEW, agency):
        return None
    roles = roles_in(user, agency)
    if roles & PETITION_AGENCY_WIDE_ROLES:
        return Q(agency=agency)
    conditions = []
    if Role.SECTION_CLERK in roles:
        units = Membership.objects.active().filter(
            user=user, agency=agency, role=Role.SECTION_CLERK, unit__isnull=False,
        ).values_list("unit_id", flat=True)
        conditions += [Q(assigned_user=user), Q(assigned_unit_id__in=list(units))]
    if Role.ATTITUDE_COMMITTEE in roles:
        conditions.append(Q(referred_to_committee=True))
    if not conditions:
        return None
    either = conditions[0]
    for condition in conditions[1:]:
        either |= condition
    return Q(agency=agency) & either


def petitions_for_user(user, agency: Agency):
    """The petitions of `agency` the user may list (an empty queryset if none)."""
    from servq.petitions.models import Petition

    visible = petition_visibility(user, agency)
    return Petition.objects.filter(visible) if visible is not None else Petition.objects.none()


def get_petition_for_user(user, pk: int, *, write: bool = False, agency_code: str | None = None):
    """The petition if the user may see it (and handle it, with write=True).

    404 for a petition of an agency the user has no standing in, or outside their scope
    (a clerk asking for another section's petition); 403 for a missing permission.
    """
    from servq.petitions.models import Petition

    petition = Petition.objects.select_related("agency", "category").filter(pk=pk).first()
    if petition is None or (agency_code is not None and petition.agency.code != agency_code):
        raise Http404("找不到此陳情案件。")
    require(user, Perm.PETITION_VIEW, petition.agency)
    visible = petition_visibility(user, petition.agency)
    if not Petition.objects.filter(visible, pk=pk).exists():
        raise Http404("找不到此陳情案件。")
    if write and not has_perm(user, Perm.PETITION_HANDLE, petition.agency):
        raise PermissionDenied("您的角色不能處理陳情案件。")
    return petition


def can_view_personal(user, petition) -> bool:
    return has_perm(user, Perm.PETITION_VIEW_PERSONAL, petition.agency)


def can_reveal_reporter(user, petition) -> bool:
    """Only the ethics office, and only for whistleblower reports (公益揭弊檢舉)."""
    return petition.is_whistleblower_report and has_perm(
        user, Perm.PETITION_VIEW_WHISTLEBLOWER, petition.agency)


def can_read_reporter_exchanges(user, petition) -> bool:
    """What staff told or wrote to the petitioner (contact and reply notes) can name a
    whistleblower: on a whistleblower report, the ethics office only."""
    return not petition.is_whistleblower_report or has_perm(
        user, Perm.PETITION_VIEW_WHISTLEBLOWER, petition.agency)


def can_open_attachments(user, petition) -> bool:
    """A petition's files are personal data (the citizen's files, the signed oral record, reply
    letters): readers of personal data only; a whistleblower report's, the ethics office only."""
    perm = Perm.PETITION_VIEW_WHISTLEBLOWER if petition.is_whistleblower_report \
        else Perm.PETITION_VIEW_PERSONAL
    return has_perm(user, perm, petition.agency)

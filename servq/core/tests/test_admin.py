"""Roles granted in the Django admin: every grant, change and withdrawal leaves an audit
record, and nobody, a superuser included, grants or changes a role of their own."""

from django.urls import reverse

from servq.core.memberships import SELF_GRANT
from servq.core.models import AuditEvent, Membership, Unit
from servq.core.roles import Role


def grant(client, user, cast, role=Role.ETHICS):
    return client.post(reverse("admin:core_membership_add"), {
        "user": user.pk, "agency": cast.sly.pk, "role": role, "is_active": "on",
        "unit": Unit.objects.get(agency=cast.sly, code="ethics").pk})


def test_it_audits_a_role_granted_changed_and_withdrawn(cast, admin_client):
    assert grant(admin_client, cast.no_role, cast).status_code == 302
    membership = Membership.objects.get(user=cast.no_role)
    created = AuditEvent.objects.get(action="core.membership_create")
    assert (created.actor, created.agency, created.target_id) == (
        cast.sysadmin, cast.sly, str(membership.pk))
    assert created.detail["role"] == "ethics" and created.detail["user"] == "cast-no-role"
    response = admin_client.post(reverse("admin:core_membership_change", args=[membership.pk]), {
        "user": cast.no_role.pk, "agency": cast.sly.pk, "role": Role.ETHICS, "unit": ""})
    assert response.status_code == 302
    changed = AuditEvent.objects.get(action="core.membership_change")
    assert changed.detail["is_active"] is False and changed.detail["before"]["is_active"]
    admin_client.post(reverse("admin:core_membership_delete", args=[membership.pk]),
                      {"post": "yes"})
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.get(action="core.membership_delete").target_id == str(membership.pk)
    # the list's bulk delete too
    grant(admin_client, cast.no_role, cast)
    admin_client.post(reverse("admin:core_membership_changelist"), {
        "action": "delete_selected", "post": "yes",
        "_selected_action": list(Membership.objects.filter(user=cast.no_role)
                                 .values_list("pk", flat=True))})
    assert AuditEvent.objects.filter(action="core.membership_delete").count() == 2


def test_it_refuses_granting_oneself_a_role(cast, admin_client):
    response = grant(admin_client, cast.sysadmin, cast)
    assert response.status_code == 200 and SELF_GRANT in response.content.decode()
    mine = Membership.objects.get(user=cast.sysadmin)
    response = admin_client.post(reverse("admin:core_membership_change", args=[mine.pk]), {
        "user": cast.sysadmin.pk, "agency": cast.sly.pk, "role": Role.ETHICS,
        "is_active": "on", "unit": ""})
    assert response.status_code == 200 and SELF_GRANT in response.content.decode()
    assert list(Membership.objects.filter(user=cast.sysadmin).values_list("role", flat=True)) \
        == [Role.SYSADMIN]
    assert not AuditEvent.objects.filter(action__startswith="core.membership").exists()


def test_it_refuses_a_role_added_to_oneself_on_the_user_page(cast, admin_client):
    me = cast.sysadmin
    mine = Membership.objects.get(user=me)
    page = reverse("admin:auth_user_change", args=[me.pk])
    data = {"username": me.username, "date_joined_0": "2015-01-01", "date_joined_1": "09:00:00",
            "is_active": "on", "is_staff": "on", "is_superuser": "on",
            "memberships-TOTAL_FORMS": "2", "memberships-INITIAL_FORMS": "1",
            "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-id": mine.pk, "memberships-0-user": me.pk,
            "memberships-0-agency": mine.agency_id, "memberships-0-role": mine.role,
            "memberships-0-is_active": "on",
            "memberships-1-user": me.pk, "memberships-1-agency": cast.sly.pk,
            "memberships-1-role": Role.ETHICS, "memberships-1-is_active": "on"}
    response = admin_client.post(page, data)
    assert response.status_code == 200 and SELF_GRANT in response.content.decode()
    assert Membership.objects.filter(user=me).count() == 1
    # Granting the same role to someone else on their page works, and is audited.
    other = cast.no_role
    data.update({"username": other.username, "memberships-TOTAL_FORMS": "1",
                 "memberships-INITIAL_FORMS": "0", "memberships-0-id": "",
                 "memberships-0-user": other.pk, "memberships-0-agency": cast.sly.pk,
                 "memberships-0-role": Role.ETHICS})
    for key in [k for k in data if k.startswith("memberships-1-")] + ["is_staff", "is_superuser"]:
        del data[key]
    response = admin_client.post(reverse("admin:auth_user_change", args=[other.pk]), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert Membership.objects.get(user=other).role == Role.ETHICS
    assert AuditEvent.objects.filter(action="core.membership_create").count() == 1

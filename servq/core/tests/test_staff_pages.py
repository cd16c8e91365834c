import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from servq.core.audit import audit_record
from servq.core.models import AuditEvent


def test_it_sends_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("core:staff-home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_shows_each_user_only_their_agencies(cast, client_for):
    page = client_for(cast.secretariat).get(reverse("core:staff-home")).content.decode()
    assert "士林分署" in page and "臺北分署" not in page
    page = client_for(cast.hq_auditor).get(reverse("core:staff-home")).content.decode()
    assert "士林分署" in page and "臺北分署" in page


@pytest.mark.parametrize("who,status", [("ethics", 200), ("director", 200), ("hq_auditor", 200),
                                        ("secretariat", 403), ("outsider", 404), ("no_role", 404)])
def test_it_guards_the_audit_log(cast, client_for, who, status):
    url = reverse("core:audit-log", kwargs={"agency": "sly"})
    assert client_for(getattr(cast, who)).get(url).status_code == status


def test_it_audits_logins_with_the_client_address(cast, client):
    client.post(reverse("login"), {"username": "cast-ethics", "password": "x-test-password"},
                REMOTE_ADDR="10.1.2.3")
    client.post(reverse("login"), {"username": "cast-ethics", "password": "wrong"},
                REMOTE_ADDR="10.9.9.9")
    login = AuditEvent.objects.get(action="auth.login")
    assert (login.actor, login.ip_address) == (cast.ethics, "10.1.2.3")
    failed = AuditEvent.objects.get(action="auth.login_failed")
    assert failed.detail == {"username": "cast-ethics"} and failed.ip_address == "10.9.9.9"


@pytest.mark.parametrize("action", ["petition.reporter_reveal", "petition.whistleblower_mark"])
def test_it_shows_a_whistleblower_actions_reason_to_the_ethics_office_only(
        action, cast, client_for):
    """Others see that the reveal (or the marking as a whistleblower report) happened, when and
    by whom; the reason may point at the reporter. Other events' reasons stay visible."""
    audit_record(action=action, actor=cast.ethics, agency=cast.sly,
                 reason="需向檢舉人確認案發時間")
    audit_record(action="petition.deadline_note", actor=cast.secretariat, agency=cast.sly,
                 reason="一般事由照常顯示")
    url = reverse("core:audit-log", kwargs={"agency": "sly"})
    for who, sees in [("ethics", True), ("director", False), ("hq_auditor", False)]:
        page = client_for(getattr(cast, who)).get(url).content.decode()
        assert action in page and "cast-ethics" in page
        assert ("需向檢舉人確認案發時間" in page) == sees, who
        assert "一般事由照常顯示" in page


def test_it_keeps_a_reveals_reason_out_of_the_admin(cast, client):
    event = audit_record(action="petition.reporter_reveal", actor=cast.ethics, agency=cast.sly,
                         reason="需向檢舉人確認案發時間")
    client.force_login(get_user_model().objects.create_superuser("root", password="x-root-pw"))
    for address in [reverse("admin:core_auditevent_changelist"),
                    reverse("admin:core_auditevent_change", args=[event.pk])]:
        response = client.get(address)
        assert response.status_code == 200 and "需向檢舉人確認案發時間" not in \
            response.content.decode()

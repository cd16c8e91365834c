import pytest
from django.urls import reverse

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

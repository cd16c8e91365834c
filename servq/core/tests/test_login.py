"""Failed logins are throttled per username and per client address, on the staff site and in
the admin; they are audited with the agency of the user named, never with what was typed."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from servq.core.login import PER_ADDRESS, PER_USERNAME
from servq.core.models import AuditEvent

LOGINS = ["/accounts/login/", "/admin/login/"]


def attempt(client, address, username, password, ip="10.0.0.1"):
    return client.post(address, {"username": username, "password": password},
                       REMOTE_ADDR=ip)


@pytest.fixture
def staff_admin(cast):
    """cast-sysadmin may use the Django admin."""
    get_user_model().objects.filter(pk=cast.sysadmin.pk).update(is_staff=True)
    return cast.sysadmin


@pytest.mark.parametrize("address", LOGINS)
def test_it_locks_a_username_after_repeated_failures(staff_admin, client, address):
    for _ in range(PER_USERNAME["limit"]):
        assert attempt(client, address, "cast-sysadmin", "wrong").status_code == 200
    refused = attempt(client, address, "cast-sysadmin", "x-test-password")
    page = refused.content.decode()
    assert refused.status_code == 200 and "登入失敗次數過多" in page and "分鐘後再試" in page
    assert "_auth_user_id" not in client.session  # the right password does not get in
    assert not AuditEvent.objects.filter(action="auth.login").exists()
    assert AuditEvent.objects.filter(action="auth.login_throttled").count() == 1
    # Another account from another address is not affected.
    other = attempt(client, "/accounts/login/", "cast-ethics", "x-test-password", ip="10.0.0.2")
    assert other.status_code == 302


def test_it_locks_an_address_that_tries_many_usernames(cast, client):
    for n in range(PER_ADDRESS["limit"]):
        attempt(client, "/accounts/login/", f"guess-{n}", "wrong", ip="10.6.6.6")
    refused = attempt(client, "/accounts/login/", "cast-ethics", "x-test-password",
                      ip="10.6.6.6")
    assert "登入失敗次數過多" in refused.content.decode()
    elsewhere = attempt(client, "/accounts/login/", "cast-ethics", "x-test-password",
                        ip="10.7.7.7")
    assert elsewhere.status_code == 302


def test_it_audits_failed_logins_for_the_agency_of_the_user_named(cast, client, client_for):
    attempt(client, "/accounts/login/", "cast-secretariat", "my-secret-guess")
    attempt(client, "/accounts/login/", "nobody-here", "another-guess")
    failed = {e.detail["username"]: e for e in AuditEvent.objects.filter(
        action="auth.login_failed")}
    assert failed["cast-secretariat"].agency == cast.sly and failed["nobody-here"].agency is None
    for event in AuditEvent.objects.all():
        assert set(event.detail) <= {"username"} and "guess" not in str(event.__dict__)
    page = client_for(cast.ethics).get(reverse("core:audit-log", kwargs={"agency": "sly"}))
    assert "auth.login_failed" in page.content.decode()
    assert "cast-secretariat" in page.content.decode()
    assert "nobody-here" not in page.content.decode()

"""Production settings: deployment checks, the test switch, staff sessions, and request data
kept out of error reports."""

import os
import subprocess
import sys

from django.conf import settings as django_settings
from django.core.checks import run_checks
from django.urls import reverse

SERVQ_WARNINGS = {"servq.W001", "servq.W002", "servq.W003", "servq.W004", "servq.W005"}


def servq_ids(**kwargs) -> set[str]:
    return {m.id for m in run_checks(**kwargs) if m.id.startswith("servq.")}


def test_it_warns_at_deploy_time_about_missing_https_hardening(settings):
    settings.DEBUG = False
    settings.SECURE_HSTS_SECONDS = 0
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SERVQ_TRUSTED_PROXY_COUNT = 0
    settings.SERVQ_LINKCHECK_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert servq_ids(include_deployment_checks=True) == SERVQ_WARNINGS
    assert servq_ids() == set()  # only with check --deploy
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_SSL_REDIRECT = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SERVQ_TRUSTED_PROXY_COUNT = 1
    settings.SERVQ_LINKCHECK_ALLOWED_NETWORKS = []
    assert servq_ids(include_deployment_checks=True) == set()
    settings.DEBUG = True
    settings.SECURE_HSTS_SECONDS = 0
    assert servq_ids(include_deployment_checks=True) == set()  # development


def test_it_does_not_take_an_imported_pytest_for_a_test_run():
    """Without pytest running (no PYTEST_VERSION), production settings still demand a key."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTEST_VERSION", "SECRET_KEY", "DEBUG"}}
    code = "import pytest, django; django.setup()"
    env["DJANGO_SETTINGS_MODULE"] = "servq.settings"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, cwd=django_settings.BASE_DIR)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
    env["PYTEST_VERSION"] = "9"
    assert subprocess.run([sys.executable, "-c", code], env=env,
                          cwd=django_settings.BASE_DIR).returncode == 0


def test_it_ends_a_staff_session_with_the_browser_and_the_working_day(cast, client):
    response = client.post(reverse("login"), {"username": "cast-ethics",
                                              "password": "x-test-password"})
    assert response.status_code == 302
    cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() <= 8 * 3600

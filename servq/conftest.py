"""The shared cast of the test suite: real agencies and one user per role.

`cast.sly` is Shilin, `cast.tpy` Taipei (another branch), `cast.aee` the HQ.
Users: secretariat, ethics, statistics, personnel, accounting, clerk (庚股), committee,
front_desk, director (Shilin), hq_auditor (HQ), outsider (Taipei's secretariat),
sysadmin (HQ), no_role (a logged-in account without any membership).
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from servq.core.calendar_import import calendar_import
from servq.core.demo import CALENDAR_2015, ensure_agencies
from servq.core.models import Membership, Unit
from servq.core.roles import Role
from servq.core.tabular import open_table

CAST = {
    # name: (agency, role, unit code)
    "secretariat": ("sly", Role.SECRETARIAT, "secretariat"),
    "ethics": ("sly", Role.ETHICS, "ethics"),
    "statistics": ("sly", Role.STATISTICS, "statistics"),
    "personnel": ("sly", Role.PERSONNEL, "personnel"),
    "accounting": ("sly", Role.ACCOUNTING, "accounting"),
    "clerk": ("sly", Role.SECTION_CLERK, "sec-geng"),
    "committee": ("sly", Role.ATTITUDE_COMMITTEE, "attitude"),
    "front_desk": ("sly", Role.FRONT_DESK, "frontdesk"),
    "director": ("sly", Role.DIRECTOR, None),
    "hq_auditor": ("aee", Role.HQ_AUDITOR, None),
    "outsider": ("tpy", Role.SECRETARIAT, "secretariat"),
    "sysadmin": ("aee", Role.SYSADMIN, None),
}


def make_member(username: str, agency, role: str, unit_code: str | None = None):
    user = get_user_model().objects.create_user(username=username, password="x-test-password")
    unit = Unit.objects.get(agency=agency, code=unit_code) if unit_code else None
    Membership.objects.create(user=user, agency=agency, role=role, unit=unit)
    return user


@pytest.fixture(autouse=True)
def fresh_local_cache():
    """Each test starts without what an earlier one left in the per-process cache (public
    questionnaire structures and fragments keyed by ids a rolled-back test may reuse)."""
    caches["local"].clear()


@pytest.fixture
def agencies(db):
    return ensure_agencies()


@pytest.fixture
def cast(agencies):
    people = {
        name: make_member(f"cast-{name}", agencies[code], role, unit)
        for name, (code, role, unit) in CAST.items()
    }
    people["no_role"] = get_user_model().objects.create_user("cast-no-role", password="x")
    return SimpleNamespace(sly=agencies["sly"], tpy=agencies["tpy"], aee=agencies["aee"],
                           agencies=agencies, **people)


@pytest.fixture
def client_for(client):
    """client_for(user) -> the test client logged in as that user (None: anonymous)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture
def office_calendar_2015(db):
    """The national office calendar of 2015 (holidays and make-up workdays), as the demo loads it."""
    return calendar_import(table=open_table(CALENDAR_2015))


@pytest.fixture
def admin_client(cast, client):
    """The client logged in as the cast's system administrator, made a Django superuser (it
    replaces pytest-django's admin_client, whose user belongs to no agency)."""
    get_user_model().objects.filter(pk=cast.sysadmin.pk).update(is_staff=True,
                                                                is_superuser=True)
    client.force_login(cast.sysadmin)
    return client


@pytest.fixture
def latest_schema_afterwards(transactional_db):
    """For migration tests: migrating back leaves the schema behind; the rest of the suite
    needs every migration."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

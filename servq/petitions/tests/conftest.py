"""Petition fixtures: the branches' starting rules, the 2015 calendar, a petition factory,
attachments kept in a temporary MEDIA_ROOT, and e-mail addresses for the cast."""

from datetime import date

import pytest

from servq.core.models import Unit
from servq.petitions.models import Category, Channel
from servq.petitions.reference import ensure_categories, ensure_rules
from servq.petitions.services import Intake, Petitioner, petition_receive

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def rules(cast, office_calendar_2015):
    ensure_categories()  # a transactional test may have flushed the migration's rows
    for agency in (cast.sly, cast.tpy):
        ensure_rules(agency)
    for name in ["secretariat", "ethics", "clerk", "committee", "director", "outsider"]:
        user = getattr(cast, name)
        user.email = f"{name}@example.gov.tw"
        user.save(update_fields=["email"])
    return cast


def category(code: str) -> Category:
    return Category.objects.get(code=code)


def section(agency, code="sec-geng") -> Unit:
    return Unit.objects.get(agency=agency, code=code)


@pytest.fixture
def make_petition(rules):
    """make_petition(**overrides) -> Petition, received through the service."""

    def make(*, agency=None, channel=Channel.LETTER, category_code="other", subject="測試陳情",
             received_on=date(2015, 6, 1), petitioner=None, submission_key="", **intake):
        receipt = petition_receive(
            agency=agency or rules.sly, channel=channel, category=category(category_code),
            subject=subject, submission_key=submission_key,
            intake=Intake(received_on=received_on,
                          petitioner=petitioner or Petitioner("王小明", "wang@example.org",
                                                              "0912-000-111", "臺北市士林區"),
                          **intake))
        return receipt.petition

    return make

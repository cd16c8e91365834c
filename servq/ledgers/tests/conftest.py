"""Fixtures of the ledgers' tests: Shilin's roster and the figures of a scope."""

import pytest

from servq.core.demo import ensure_roster
from servq.core.models import StaffMember
from servq.core.periods import Period
from servq.ledgers.figures import ledger_figures
from servq.reports.registry import ReportScope


@pytest.fixture
def roster(cast):
    ensure_roster(cast.sly)
    return list(StaffMember.objects.filter(agency=cast.sly).order_by("sort_order"))


@pytest.fixture
def figures():
    """figures(agency, "2015Q2", consolidated=False) -> the ledgers' figures."""

    def compute(agency, period: str = "2015Q2", *, consolidated: bool = False) -> dict:
        scope = ReportScope.for_agency(agency, Period.parse(period), consolidated=consolidated)
        return ledger_figures(scope)

    return compute

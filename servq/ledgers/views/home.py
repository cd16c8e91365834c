"""The ledgers' front page: every ledger of the agency and who keeps it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from servq.core import access
from servq.core.access import Perm
from servq.core.models import Unit

from ..records import LEDGERS


@login_required
def ledger_home(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    offices = dict(Unit.Function.choices)
    ledgers = [{"ledger": ledger, "office": offices[ledger.office],
                "can_edit": access.can_edit_office(request.user, agency, ledger.office)}
               for ledger in LEDGERS]
    return render(request, "ledgers/home.html", {
        "agency": agency, "ledgers": ledgers,
        "can_tally": access.has_perm(request.user, Perm.LEDGER_TALLY, agency)})

"""The ledgers' figures for the report: `ledgers.<code>` for every indicator and ledger.

Top-level values are year to date at the period's end (累計至N月底); the quarter's own
values (to the period's end) sit under `quarter`. Every key is present without data.

`web_updates` is the portal's count of news published, plus the values of an indicator of that
code where one is defined (an agency whose website is elsewhere enters its updates in the
indicator grid; each agency uses one of the two, so the sum is right for each and for the HQ).
"""

from servq.reports.registry import ReportScope, provider

from .selectors.attitude import attitude_figure
from .selectors.collections import collection_figures
from .selectors.courtesy import courtesy_figures
from .selectors.indicators import indicator_figures
from .selectors.inspections import inspection_figure
from .selectors.links import web_link_figure
from .selectors.lunch import lunch_duty_figure
from .selectors.outreach import (public_welfare_list, public_welfare_totals, training_list,
                                 training_totals)
from .selectors.staffing import stationed_staff_figure
from .selectors.web_updates import web_updates_figure
from .windows import Windows


@provider("ledgers")
def ledger_figures(scope: ReportScope) -> dict:
    windows = Windows.ending(scope.period)
    ids = scope.agency_ids or (scope.agency.pk,)
    figures = indicator_figures(agency_ids=ids, windows=windows)
    figures |= courtesy_figures(agency_ids=ids, windows=windows)
    figures |= collection_figures(agency_ids=ids, windows=windows)
    figures |= {
        "stationed_staff": stationed_staff_figure(agency_ids=ids, windows=windows),
        "attitude_baseline": attitude_figure(agency_ids=ids, windows=windows),
        "lunch_duty_services": lunch_duty_figure(agency_ids=ids, windows=windows,
                                                 calendar_agency=scope.agency),
        "web_links": web_link_figure(agency_ids=ids, windows=windows),
        "trainings": training_list(agency_ids=ids, windows=windows),
        "trainings_totals": training_totals(agency_ids=ids, windows=windows),
        "public_welfare": public_welfare_list(agency_ids=ids, windows=windows),
        "public_welfare_totals": public_welfare_totals(agency_ids=ids, windows=windows),
        "facility_inspections": inspection_figure(agency_ids=ids, windows=windows),
    }
    portal = web_updates_figure(agency_ids=ids, windows=windows)
    if "web_updates" in figures:
        entered = figures["web_updates"]
        entered["value"] += portal["value"]
        for span in ("quarter", "month"):
            entered[span]["value"] += portal[span]["value"]
    else:
        figures["web_updates"] = portal
    return figures

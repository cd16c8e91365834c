"""Website news updates (網站最新消息更新) as a ledger figure.

The count is the portal's: each news item published on servq's public site is one update, so
nobody types it twice. For agencies whose website is not servq's portal, a `web_updates`
indicator defined in the admin carries their monthly counts; its figure then takes this key
with the portal's count added (figures.py).
"""

from collections.abc import Iterable

from servq.portal.figures import news_update_counts

from ..windows import Windows


def web_updates_figure(*, agency_ids: Iterable[int], windows: Windows) -> dict:
    counts = news_update_counts(agency_ids, ytd=windows.year_to_date.as_range(),
                                quarter=windows.quarter.as_range(),
                                month=windows.month.as_range())
    return {"value": counts["ytd"], "unit": "次", "source": "portal",
            "quarter": {"value": counts["quarter"]}, "month": {"value": counts["month"]}}

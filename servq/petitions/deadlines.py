"""Due dates: the agency's rule for the category, in working or calendar days, capped by law.

1. The rule (agency + category, else the agency's default, else 30 calendar days) gives
   n working days (office calendar, make-up workdays count) or n calendar days after receipt.
2. A period that ends on a day off ends on the next working day (行政程序法 §48).
3. The 30-day legal cap wins over step 2: a result after day 30 (calendar) from receipt
   becomes the last working day on or before day 30, so a due date is never day 31 or 32.
"""

from datetime import date, timedelta

from servq.core.models import Agency
from servq.core.workdays import WorkCalendar

from .models import LEGAL_CAP_DAYS, Category, DeadlineRule

# Room after the cap for the longest run of days off (the Lunar New Year).
_ROLL_ROOM = timedelta(days=20)


class DeadlineCalculator:
    """Due dates for one agency's petitions received in [first, last] (one calendar query)."""

    def __init__(self, agency: Agency, first: date, last: date):
        self.agency = agency
        self.calendar = WorkCalendar(first, last + timedelta(days=LEGAL_CAP_DAYS) + _ROLL_ROOM,
                                     agency)
        self.rules: dict[int | None, DeadlineRule] = {
            rule.category_id: rule for rule in DeadlineRule.objects.filter(agency=agency)
        }

    def rule_for(self, category_id: int) -> tuple[int, str]:
        rule = self.rules.get(category_id) or self.rules.get(None)
        if rule is None:
            return LEGAL_CAP_DAYS, DeadlineRule.DayKind.CALENDAR
        return rule.days, rule.day_kind

    def due(self, category_id: int, received_on: date) -> date:
        days, kind = self.rule_for(category_id)
        if kind == DeadlineRule.DayKind.WORKDAYS:
            due, remaining = received_on, days
            while remaining:
                due += timedelta(days=1)
                if self.calendar.is_workday(due):
                    remaining -= 1
        else:
            due = received_on + timedelta(days=days)
        while not self.calendar.is_workday(due):
            due += timedelta(days=1)
        cap = received_on + timedelta(days=LEGAL_CAP_DAYS)
        if due > cap:
            due = cap
            # Never before the receipt day itself (the calendar starts there); no run of days
            # off is 30 days long, so this only guards the loop.
            while due > received_on and not self.calendar.is_workday(due):
                due -= timedelta(days=1)
        return due


def due_date(*, agency: Agency, category: Category, received_on: date) -> date:
    return DeadlineCalculator(agency, received_on, received_on).due(category.pk, received_on)

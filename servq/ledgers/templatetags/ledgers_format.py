"""ROC labels for a year number and a month (the core filters take dates and periods)."""

from datetime import date

from django import template

from servq.core.roc_dates import roc_month_range, roc_year_label

register = template.Library()


@register.filter
def roc_year(year: int) -> str:
    """2015 -> 民國104年"""
    return roc_year_label(int(year) - 1911) if year else ""


@register.filter
def roc_month(day: date) -> str:
    """date(2015, 6, 1) -> 104年6月"""
    return roc_month_range(day, day) if day else ""

"""Template filters for the field's formats (loaded as a builtin in every template)."""

from datetime import datetime

from django import template
from django.utils import timezone

from .. import numbers, roc_dates
from ..periods import Period

register = template.Library()


def _as_date(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
def roc_date(value):
    """民國104年6月30日"""
    return roc_dates.roc_date(_as_date(value)) if value else ""


@register.filter
def roc_date_short(value):
    """104/06/30"""
    return roc_dates.roc_date_short(_as_date(value)) if value else ""


@register.filter
def roc_period(value: Period):
    return roc_dates.roc_period(value) if value else ""


@register.filter
def ntd(value):
    return numbers.format_ntd(value) if value is not None else "—"


@register.filter
def percent(value):
    return numbers.format_percent(value)


@register.filter
def thousands(value):
    return numbers.format_int(value) if value is not None else "—"


@register.filter
def points(value):
    return numbers.format_points(value)


@register.simple_tag
def today_roc():
    return roc_dates.roc_date(timezone.localdate())



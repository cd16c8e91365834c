"""One list / detail / form / delete pattern for every simple ledger (see records.py)."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from servq.core import access
from servq.core.access import Perm
from servq.core.roc_dates import roc_date

from ..records import BY_SLUG, RecordLedger
from .common import year_param

PER_PAGE = 50


def _ledger(slug: str) -> RecordLedger:
    try:
        return BY_SLUG[slug]
    except KeyError:
        raise Http404("沒有這份紀錄。") from None


def _context(request, agency, ledger: RecordLedger, **extra) -> dict:
    return {"agency": agency, "ledger": ledger,
            "can_edit": access.can_edit_office(request.user, agency, ledger.office),
            "list_url": reverse("ledgers:record-list", args=[agency.code, ledger.slug]),
            **extra}


def _actions(agency, ledger: RecordLedger) -> list[dict]:
    result = []
    for label, target in ledger.actions:
        url = reverse(target, args=[agency.code]) if ":" in target else \
            reverse("ledgers:record-list", args=[agency.code, target])
        result.append({"label": label, "url": url})
    return result


@login_required
def record_list(request, agency, ledger):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    ledger = _ledger(ledger)
    records = ledger.queryset(agency)
    year = month = None
    if ledger.date_field:
        year = year_param(request)
        records = records.filter(**{f"{ledger.date_lookup}__year": year})
        month = request.GET.get("month", "")
        if month.isdigit() and 1 <= int(month) <= 12:
            month = int(month)
            records = records.filter(**{f"{ledger.date_lookup}__month": month})
        else:
            month = None
    page = Paginator(records, PER_PAGE).get_page(request.GET.get("page"))
    rows = [{"record": record, "cells": [(column, column.of(record)) for column in ledger.columns]}
            for record in page]
    return render(request, "ledgers/record_list.html", _context(
        request, agency, ledger, page=page, rows=rows, year=year, month=month,
        months=range(1, 13), actions=_actions(agency, ledger)))


def _record(agency, ledger: RecordLedger, pk: int) -> models.Model:
    return get_object_or_404(ledger.queryset(agency), pk=pk)


def _display(record, name: str):
    field = record._meta.get_field(name)
    if field.many_to_many:
        return "、".join(str(item) for item in getattr(record, name).all())
    display = getattr(record, f"get_{name}_display", None)
    return display() if display else getattr(record, name)


def _shown(value) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return roc_date(value)
    return "—" if value in (None, "") else str(value)


def _detail_rows(form, record) -> list[tuple[str, str]]:
    """Label and value of every field of the record's form (extra fields: their initial)."""
    names = {f.name for f in record._meta.get_fields()}
    return [(field.label, _shown(_display(record, name) if name in names
                                 else form[name].initial))
            for name, field in form.fields.items()]


@login_required
def record_detail(request, agency, ledger, pk):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    ledger = _ledger(ledger)
    record = _record(agency, ledger, pk)
    form = ledger.form_class(instance=record, agency=agency)
    return render(request, "ledgers/record_detail.html", _context(
        request, agency, ledger, record=record, fields=_detail_rows(form, record)))


@login_required
@require_http_methods(["GET", "POST"])
def record_form(request, agency, ledger, pk=None):
    ledger = _ledger(ledger)
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    access.require_office(request.user, agency, ledger.office)
    record = _record(agency, ledger, pk) if pk else ledger.model()
    form = ledger.form_class(request.POST or None, instance=record, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            saved = ledger.save(agency=agency, instance=record, actor=request.user,
                                request=request, **form.service_kwargs())
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已儲存。")
            return redirect("ledgers:record-detail", agency.code, ledger.slug, saved.pk)
    return render(request, "ledgers/record_form.html",
                  _context(request, agency, ledger, form=form, record=record if pk else None))


@login_required
@require_http_methods(["GET", "POST"])
def record_delete(request, agency, ledger, pk):
    ledger = _ledger(ledger)
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    access.require_office(request.user, agency, ledger.office)
    record = _record(agency, ledger, pk)
    if request.method == "POST":
        ledger.delete(agency=agency, instance=record, actor=request.user, request=request)
        messages.success(request, "已刪除。")
        return redirect("ledgers:record-list", agency.code, ledger.slug)
    return render(request, "ledgers/record_confirm_delete.html",
                  _context(request, agency, ledger, record=record))

"""Execution-attitude reviews: months, the review sheet, submit/approve/return, the ranked
result and its export for HQ, and the intranet honour roll."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from servq.core import access
from servq.core.access import Perm
from servq.core.audit import audit_record
from servq.core.periods import Period
from servq.core.roc_dates import roc_period
from servq.core.spreadsheets import CONTENT_TYPES, Sheet, sheets_response

from ..forms.attitude import AttitudeOpenForm, AttitudeSheetForm
from ..models import AttitudeReview
from ..models.attitude import COMMITTEE_ITEMS, DIRECTOR_ITEMS, AttitudeItem
from ..selectors.attitude import (honour_roll, month_of, ranked_assessments, related_complaints,
                                  reviews_for)
from ..services.attitude import (ReviewRefused, attitude_review_approve, attitude_review_open,
                                 attitude_review_return, attitude_review_submit,
                                 attitude_scores_save)
from .common import year_param

Status = AttitudeReview.Status
REVIEWERS = [Perm.ATTITUDE_REVIEW, Perm.ATTITUDE_APPROVE]


def _review(agency, month: str) -> AttitudeReview:
    try:
        first = month_of(month)
    except ValueError:
        raise Http404("月份格式不正確。") from None
    return get_object_or_404(AttitudeReview.objects.select_related("agency"), agency=agency,
                             month=first)


def _may_see_drafts(user, agency) -> bool:
    return any(access.has_perm(user, perm, agency) for perm in REVIEWERS)


@login_required
@require_http_methods(["GET", "POST"])
def attitude_index(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    can_open = access.has_perm(request.user, Perm.ATTITUDE_REVIEW, agency)
    form = AttitudeOpenForm(request.POST or None, agency=agency)
    if request.method == "POST":
        access.require(request.user, Perm.ATTITUDE_REVIEW, agency)
        if form.is_valid():
            try:
                review = attitude_review_open(agency=agency, month=form.cleaned_data["month"],
                                              committee=form.cleaned_data["committee"],
                                              baseline=form.cleaned_data["baseline"],
                                              actor=request.user, request=request)
            except ReviewRefused as refused:
                form.add_error(None, str(refused))
            else:
                return redirect("ledgers:attitude-sheet", agency.code, f"{review.month:%Y-%m}")
    year = year_param(request)
    reviews = reviews_for(agency, year)
    if not _may_see_drafts(request.user, agency):
        reviews = reviews.filter(status=Status.APPROVED)
    return render(request, "ledgers/attitude_index.html", {
        "agency": agency, "year": year, "reviews": reviews, "form": form if can_open else None})


def _sheet_items(user, agency, review: AttitudeReview) -> tuple[list[AttitudeItem], bool]:
    """The items this user may score now, and whether as the director."""
    if review.status == Status.DRAFT and access.has_perm(user, Perm.ATTITUDE_REVIEW, agency):
        return COMMITTEE_ITEMS, False
    if review.status == Status.SUBMITTED and access.has_perm(user, Perm.ATTITUDE_APPROVE, agency):
        return DIRECTOR_ITEMS, True
    return [], False


@login_required
@require_http_methods(["GET", "POST"])
def attitude_sheet(request, agency, month):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    review = _review(agency, month)
    if not review.is_approved:
        access.require_any(request.user, REVIEWERS, agency)
    items, as_director = _sheet_items(request.user, agency, review)
    if request.method == "POST" and not items:
        raise PermissionDenied("這次考核目前不能由您評分。")
    assessments = list(ranked_assessments(review))
    form = AttitudeSheetForm(request.POST or None, assessments=assessments, items=items,
                             baseline=review.baseline)
    if request.method == "POST" and form.is_valid():
        try:
            attitude_scores_save(review=review, scores=form.scores(), notes=form.notes(),
                                 as_director=as_director, actor=request.user, request=request)
        except ReviewRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, "已儲存評分。")
        return redirect("ledgers:attitude-sheet", agency.code, month)
    audit_record(action="ledgers.attitude.view", request=request, agency=agency, target=review)
    complaints = related_complaints(review=review)
    fields = form.field_rows() if items else {}
    rows = []
    for a in assessments:
        bound = dict(zip([item.value for item in items], fields[a.pk]["scores"])) \
            if a.pk in fields else {}
        rows.append({"assessment": a, "note": fields[a.pk]["note"] if a.pk in fields else None,
                     "complaints": complaints.get(a.officer_id, []),
                     "cells": [{"field": bound.get(item.value), "value": getattr(a, item.value)}
                               for item in AttitudeItem]})
    return render(request, "ledgers/attitude_sheet.html", {
        "agency": agency, "review": review, "rows": rows, "form": form, "items": list(AttitudeItem),
        "editable": bool(items), "as_director": as_director,
        "can_submit": review.status == Status.DRAFT and
        access.has_perm(request.user, Perm.ATTITUDE_REVIEW, agency),
        "can_approve": review.status == Status.SUBMITTED and
        access.has_perm(request.user, Perm.ATTITUDE_APPROVE, agency),
        "formats": list(CONTENT_TYPES), "committee": review.committee.all(),
        "unattributed_complaints": complaints.get(None, [])})


def _transition(request, agency, month, perm, action, **kwargs):
    agency = access.get_agency_for_user(request.user, agency, perm)
    review = _review(agency, month)
    try:
        action(review=review, actor=request.user, request=request, **kwargs)
    except ReviewRefused as refused:
        messages.error(request, str(refused))
    return redirect("ledgers:attitude-sheet", agency.code, month)


@login_required
@require_POST
def attitude_submit(request, agency, month):
    return _transition(request, agency, month, Perm.ATTITUDE_REVIEW, attitude_review_submit)


@login_required
@require_POST
def attitude_approve(request, agency, month):
    return _transition(request, agency, month, Perm.ATTITUDE_APPROVE, attitude_review_approve)


@login_required
@require_POST
def attitude_return(request, agency, month):
    return _transition(request, agency, month, Perm.ATTITUDE_APPROVE, attitude_review_return,
                       reason=request.POST.get("reason", ""))


@login_required
def attitude_export(request, agency, month, fmt):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    review = _review(agency, month)
    if not review.is_approved or fmt not in CONTENT_TYPES:
        raise Http404("只有分署長核定後的考核結果可以匯出。")
    header = ["名次", "姓名", "職稱", "股別", *[item.label for item in AttitudeItem], "總分", "事由"]
    rows = [[a.rank, a.officer.name, a.officer.title, a.officer.unit.name if a.officer.unit else "",
             *[getattr(a, item.value) for item in AttitudeItem], a.total, a.note]
            for a in ranked_assessments(review)]
    audit_record(action="ledgers.attitude.export", request=request, agency=agency,
                 target=review, detail={"format": fmt})
    period = roc_period(Period.month(review.month.year, review.month.month), prefix=False)
    sheet = Sheet(title=f"{period}執行態度考核", header=header, rows=rows)
    return sheets_response(fmt, [sheet], filename=f"{agency.code}-attitude-{review.month:%Y-%m}")


@login_required
def attitude_honour_roll(request, agency):
    agency = access.get_agency_for_member(request.user, agency)
    return render(request, "ledgers/honour_roll.html",
                  {"agency": agency, "months": honour_roll(agency=agency)})

"""Monthly indicators: the index, the month × category grid, imports and the front desk tally."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from servq.core import access
from servq.core.access import Perm
from servq.core.models import Unit

from ..forms.indicators import IndicatorBaselineForm, IndicatorGridForm
from ..models import Indicator, IndicatorBaseline, IndicatorCategory
from ..selectors.indicators import (active_indicators, indicator_grid, indicator_year_totals,
                                    month_to_date_tally)
from ..services.indicators import (TallyRefused, indicator_baseline_save, indicator_import,
                                   indicator_tally, indicator_values_save, month_start)
from .common import UploadForm, run_upload, year_param


@login_required
def indicator_index(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    year = year_param(request)
    totals = indicator_year_totals(agency=agency, year=year)
    offices = dict(Unit.Function.choices)
    rows = [{"indicator": i, "office": offices[i.office], "total": totals.get(i.pk, 0),
             "can_edit": access.can_edit_office(request.user, agency, i.office)}
            for i in active_indicators()]
    return render(request, "ledgers/indicator_index.html", {
        "agency": agency, "year": year, "rows": rows,
        "can_import": access.has_perm(request.user, Perm.LEDGER_EDIT, agency)})


def _indicator(code: str) -> Indicator:
    categories = IndicatorCategory.objects.filter(is_active=True)
    return get_object_or_404(Indicator.objects.prefetch_related(
        Prefetch("categories", queryset=categories, to_attr="active_categories")),
        code=code, is_active=True)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_grid_view(request, agency, code, year):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    indicator = _indicator(code)
    can_edit = access.can_edit_office(request.user, agency, indicator.office)
    if request.method == "POST":
        access.require_office(request.user, agency, indicator.office)
    values = indicator_grid(indicator=indicator, agency=agency, year=year)
    form = IndicatorGridForm(request.POST or None, indicator=indicator, year=year,
                             categories=indicator.active_categories, values=values)
    if request.method == "POST" and form.is_valid():
        changed = indicator_values_save(indicator=indicator, agency=agency,
                                        values=form.values(), actor=request.user, request=request)
        messages.success(request, f"已儲存（{changed} 格有變動）。")
        return redirect("ledgers:indicator-grid", agency.code, indicator.code, year)
    baselines = IndicatorBaseline.objects.filter(indicator=indicator, agency=agency)
    return render(request, "ledgers/indicator_grid.html", {
        "agency": agency, "indicator": indicator, "year": year, "form": form,
        "can_edit": can_edit, "baselines": baselines if indicator.is_running_total else None,
        "baseline_form": IndicatorBaselineForm() if indicator.is_running_total else None,
        "office": Unit.Function(indicator.office).label})


@login_required
@require_POST
def indicator_baseline(request, agency, code):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    indicator = _indicator(code)
    access.require_office(request.user, agency, indicator.office)
    form = IndicatorBaselineForm(request.POST)
    year = year_param(request)
    if not indicator.is_running_total:
        messages.error(request, "此項目不是累計總數，沒有起算值。")
    elif form.is_valid():
        indicator_baseline_save(indicator=indicator, agency=agency, actor=request.user,
                                request=request, **form.cleaned_data)
        messages.success(request, "已儲存累計起算值。")
    else:
        messages.error(request, "起算值未儲存：" + "；".join(
            error for errors in form.errors.values() for error in errors))
    return redirect("ledgers:indicator-grid", agency.code, indicator.code, year)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_import_view(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_EDIT)
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = None
    if request.method == "POST" and form.is_valid():
        rows, problems = run_upload(form, lambda **file: indicator_import(
            agency=agency, actor=request.user,
            may_edit=lambda office: access.can_edit_office(request.user, agency, office),
            **file))
        if rows is not None:
            messages.success(request, f"已匯入 {rows} 列。")
            return redirect("ledgers:indicators", agency.code)
    return render(request, "ledgers/indicator_import.html",
                  {"agency": agency, "form": form, "problems": problems})


@login_required
@require_http_methods(["GET", "POST"])
def tally(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_TALLY)
    indicators = [i for i in active_indicators() if i.allows_tally]
    today = timezone.localdate()
    if request.method == "POST":
        indicator = get_object_or_404(Indicator, code=request.POST.get("indicator"),
                                      is_active=True)
        category = None
        if request.POST.get("category"):
            category = get_object_or_404(IndicatorCategory, pk=request.POST["category"],
                                         indicator=indicator, is_active=True)
        delta = -1 if request.POST.get("delta") == "-1" else 1
        try:
            value = indicator_tally(indicator=indicator, agency=agency, category=category,
                                    on=today, delta=delta, actor=request.user)
        except TallyRefused as refused:
            messages.error(request, str(refused))
        else:
            what = category.name if category else indicator.name
            messages.success(request, f"{what}：本月累計 {value} 件。")
        return redirect("ledgers:tally", agency.code)
    boards = []
    for indicator in indicators:
        counts = month_to_date_tally(indicator=indicator, agency=agency, month=month_start(today))
        buttons = [{"category": c, "count": counts.get(c.pk, 0)}
                   for c in indicator.active_categories] or \
            [{"category": None, "count": counts.get(None, 0)}]
        boards.append({"indicator": indicator, "buttons": buttons})
    return render(request, "ledgers/tally.html",
                  {"agency": agency, "boards": boards, "today": today})

"""The ledgers' operational screens: rotas, collection imports and link checks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from servq.core import access
from servq.core.access import Perm
from servq.core.models import ImportBatch, Unit

from ..forms.rotas import InspectionRotaForm, LunchRosterForm
from ..models import InspectionRota, LinkCheckRun, LunchDuty, WebLink
from ..services.collections import IMPORT_KIND, collection_batch_delete, collection_import
from ..services.inspections import inspection_rota_generate
from ..services.links import LinkCheckBusy, link_check_run
from ..services.lunch import lunch_roster_generate
from .common import UploadForm, run_upload, year_param

F = Unit.Function


def _rota_page(request, agency, *, office, form_class, generate, template, listing):
    """GET: the rota of a year; POST: generate more of it (owning office only)."""
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    can_edit = access.can_edit_office(request.user, agency, office)
    form = form_class(request.POST or None, agency=agency)
    if request.method == "POST":
        access.require_office(request.user, agency, office)
        if form.is_valid():
            created = generate(agency, form.cleaned_data, request)
            messages.success(request, f"已新增 {created} 筆輪值。")
            return redirect(request.path)
    year = year_param(request)
    page = Paginator(listing(agency, year), 60).get_page(request.GET.get("page"))
    return render(request, template, {"agency": agency, "form": form if can_edit else None,
                                      "page": page, "year": year})


@login_required
@require_http_methods(["GET", "POST"])
def lunch_roster(request, agency):
    def generate(agency, data, request):
        return lunch_roster_generate(agency=agency, first=data["first"], last=data["last"],
                                     staff=data["staff"], per_day=data["per_day"],
                                     actor=request.user, request=request)

    return _rota_page(request, agency, office=F.SECRETARIAT, form_class=LunchRosterForm,
                      generate=generate, template="ledgers/lunch_roster.html",
                      listing=lambda agency, year: LunchDuty.objects.filter(
                          agency=agency, day__year=year).select_related("staff_member"))


@login_required
@require_http_methods(["GET", "POST"])
def inspection_rota(request, agency):
    def generate(agency, data, request):
        return inspection_rota_generate(agency=agency, first_week=data["first_week"],
                                        weeks=data["weeks"], inspectors=data["staff"],
                                        actor=request.user, request=request)

    return _rota_page(request, agency, office=F.SECRETARIAT, form_class=InspectionRotaForm,
                      generate=generate, template="ledgers/inspection_rota.html",
                      listing=lambda agency, year: InspectionRota.objects.filter(
                          agency=agency, week_start__year=year).select_related("inspector"))


@login_required
@require_http_methods(["GET", "POST"])
def collection_import_view(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    access.require_office(request.user, agency, F.ACCOUNTING)
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = None
    if request.method == "POST" and form.is_valid():
        rows, problems = run_upload(form, lambda **file: collection_import(
            agency=agency, actor=request.user, **file))
        if rows is not None:
            messages.success(request, f"已匯入 {rows:,} 筆代收案款。")
            return redirect("ledgers:collection-import", agency.code)
    batches = ImportBatch.objects.filter(agency=agency, kind=IMPORT_KIND).select_related(
        "imported_by").order_by("-imported_at")[:50]
    return render(request, "ledgers/collection_import.html",
                  {"agency": agency, "form": form, "problems": problems, "batches": batches})


@login_required
@require_POST
def collection_batch_delete_view(request, agency, pk):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    access.require_office(request.user, agency, F.ACCOUNTING)
    batch = get_object_or_404(ImportBatch, pk=pk, agency=agency, kind=IMPORT_KIND)
    deleted = collection_batch_delete(agency=agency, batch=batch, actor=request.user,
                                      request=request)
    messages.success(request, f"已撤銷匯入批次 #{pk}（刪除 {deleted:,} 筆）。")
    return redirect("ledgers:collection-import", agency.code)


@login_required
def link_runs(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    runs = Paginator(LinkCheckRun.objects.filter(agency=agency), 30).get_page(
        request.GET.get("page"))
    return render(request, "ledgers/link_runs.html", {
        "agency": agency, "page": runs,
        "links": WebLink.objects.filter(agency=agency, is_active=True).count(),
        "can_check": access.has_perm(request.user, Perm.LINKS_CHECK, agency)})


@login_required
@require_POST
def link_check_now(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.LINKS_CHECK)
    try:
        run = link_check_run(agency=agency, actor=request.user, request=request, timeout=8.0)
    except LinkCheckBusy as busy:
        messages.error(request, str(busy))
        return redirect("ledgers:link-runs", agency.code)
    messages.success(request, f"檢測完成：{run.checked} 個連結，{run.broken} 個失效。")
    return redirect("ledgers:link-run", agency.code, run.pk)


@login_required
def link_run(request, agency, pk):
    agency = access.get_agency_for_user(request.user, agency, Perm.LEDGER_VIEW)
    run = get_object_or_404(LinkCheckRun, pk=pk, agency=agency)
    return render(request, "ledgers/link_run.html", {
        "agency": agency, "run": run, "broken": run.results.filter(ok=False).order_by("pk"),
        "healthy": run.results.filter(ok=True).order_by("pk")})

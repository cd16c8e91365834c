"""Staff pages of the reports app: builds (start, progress, download, issue) and the template
editor with its live preview. Every view asks core.access first."""

import difflib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from servq.core import access
from servq.core.access import Perm
from servq.core.models import Agency

from . import jobs, selectors
from .forms import BuildForm, IssueForm, TemplateEditForm
from .language import TemplateInvalid
from .models import Immutable, ReportBuild, ReportFile, ReportTemplate
from .preview import preview
from .renderers import FORMATS
from .services import BuildRefused, build_issue, build_request, template_version_save


def _has_branches(agency: Agency) -> bool:
    return Agency.objects.filter(parent=agency).exists()


def _build_form(request, agency, data=None):
    return BuildForm(data, templates=selectors.templates_for_agency(agency),
                     allow_consolidated=_has_branches(agency),
                     initial={"period": selectors.suggested_period(agency).code})


@login_required
def home(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.REPORT_VIEW)
    can = {name: access.has_perm(request.user, perm, agency) for name, perm in [
        ("build", Perm.REPORT_BUILD), ("edit", Perm.REPORT_EDIT_TEMPLATE), ("issue", Perm.REPORT_ISSUE)]}
    builds = selectors.builds_for_agency(agency)[:30]
    return render(request, "reports/home.html", {
        "agency": agency, "can": can, "builds": builds,
        "templates": selectors.templates_for_agency(agency),
        "form": _build_form(request, agency) if can["build"] else None,
    })


@login_required
@require_POST
def build_start(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.REPORT_BUILD)
    form = _build_form(request, agency, request.POST)
    if form.is_valid():
        version = form.cleaned_data["template"].current_version()
        try:
            build = build_request(
                agency=agency, period=form.cleaned_data["period"], template_version=version,
                formats=form.cleaned_data["formats"],
                consolidated=form.cleaned_data.get("consolidated", False),
                actor=request.user, request=request)
        except BuildRefused as error:
            form.add_error(None, str(error))
        else:
            transaction.on_commit(jobs.start_in_process_worker)
            return redirect("reports:build-detail", agency=agency.code, pk=build.pk)
    return render(request, "reports/home.html", {
        "agency": agency, "can": {"build": True}, "form": form,
        "builds": selectors.builds_for_agency(agency)[:30],
        "templates": selectors.templates_for_agency(agency)}, status=400)


def _build(request, agency_code, pk, perm=Perm.REPORT_VIEW):
    agency = access.get_agency_for_user(request.user, agency_code, perm)
    try:
        return agency, selectors.build_for_agency(agency, pk)
    except ReportBuild.DoesNotExist:
        raise Http404("找不到這份報告。") from None


def _status(build: ReportBuild) -> dict:
    return {"status": build.status, "status_label": build.get_status_display(),
            "progress": build.progress, "note": build.progress_note,
            "finished": build.status in {ReportBuild.Status.DONE, ReportBuild.Status.FAILED}}


@login_required
def build_detail(request, agency, pk):
    agency, build = _build(request, agency, pk)
    can_issue = access.has_perm(request.user, Perm.REPORT_ISSUE, agency)
    return render(request, "reports/build_detail.html", {
        "agency": agency, "build": build, "files": selectors.build_files(build),
        "formats": FORMATS, "status": _status(build),
        "issue_form": IssueForm() if can_issue and build.status == "done" and not build.is_issued else None,
    })


@login_required
def build_status(request, agency, pk):
    _, build = _build(request, agency, pk)
    return JsonResponse(_status(build))


@login_required
def build_download(request, agency, pk, fmt):
    agency, build = _build(request, agency, pk)
    if fmt not in FORMATS:
        raise Http404("沒有這種格式。")
    try:
        report_file = selectors.build_file(build, fmt)
    except ReportFile.DoesNotExist:
        raise Http404("這份報告沒有這種格式的檔案。") from None
    response = HttpResponse(bytes(report_file.content), content_type=FORMATS[fmt][0])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=selectors.build_file_name(build, fmt))
    return response


@login_required
def build_view(request, agency, pk):
    """The HTML format as a page of the staff site."""
    agency, build = _build(request, agency, pk)
    try:
        html = bytes(selectors.build_file(build, "html").content).decode("utf-8")
    except ReportFile.DoesNotExist:
        raise Http404("這份報告沒有產生 HTML 格式。") from None
    start, end = html.find('<article class="report-document">'), html.rfind("</article>")
    return render(request, "reports/build_view.html", {
        "agency": agency, "build": build, "document_html": html[start:end + len("</article>")]})


@login_required
@require_POST
def build_issue_view(request, agency, pk):
    agency, build = _build(request, agency, pk, Perm.REPORT_ISSUE)
    form = IssueForm(request.POST)
    form.is_valid()
    try:
        build_issue(build=build, actor=request.user, request=request,
                    acknowledged_checks=form.cleaned_data.get("acknowledge", False))
    except (BuildRefused, Immutable) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "報告已發布；內容與檔案從此不再變更。")
    return redirect("reports:build-detail", agency=agency.code, pk=build.pk)


def _template(request, agency_code, code):
    agency = access.get_agency_for_user(request.user, agency_code, Perm.REPORT_EDIT_TEMPLATE)
    return agency, get_object_or_404(ReportTemplate, agency=agency, code=code)


@login_required
def template_edit(request, agency, code):
    """GET: the editor. POST with action=preview: the page with the preview below (works
    without JavaScript); action=save: a new version, or the errors with their positions."""
    agency, template = _template(request, agency, code)
    current = template.current_version()
    result = None
    if request.method == "POST":
        form = TemplateEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if request.POST.get("action") == "save":
                try:
                    version = template_version_save(
                        template=template, source=data["source"], reference_period=data["period"],
                        actor=request.user, note=data["note"], request=request)
                except TemplateInvalid as invalid:
                    result = {"errors": invalid.errors}
                else:
                    unchanged = current is not None and version.pk == current.pk
                    messages.success(request, "內容沒有變更，未建立新版本。" if unchanged
                                     else f"已儲存為第 {version.number} 版。")
                    return redirect("reports:template-edit", agency=agency.code, code=template.code)
            else:
                result = preview(agency=agency, source=data["source"], period=data["period"])
    else:
        form = TemplateEditForm(initial={
            "source": current.source if current else "",
            "period": current.reference_period if current else selectors.default_period().code})
    return render(request, "reports/template_edit.html", {
        "agency": agency, "template": template, "current": current, "form": form,
        "result": result})


@login_required
@require_POST
def template_preview(request, agency, code):
    """The live preview for the editor's script: JSON with errors or HTML and checks."""
    agency, template = _template(request, agency, code)
    form = TemplateEditForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"form_errors": form.errors.get_json_data()}, status=400)
    result = preview(agency=agency, source=form.cleaned_data["source"],
                     period=form.cleaned_data["period"])
    return JsonResponse(result.as_dict())


@login_required
def template_versions(request, agency, code):
    agency, template = _template(request, agency, code)
    versions = list(template.versions.select_related("created_by")
                    .annotate(build_count=Count("builds")).order_by("-number"))
    chosen = next((v for v in versions if str(v.number) == request.GET.get("v")), versions[0] if versions else None)
    diff = ""
    if chosen is not None:
        before = next((v for v in versions if v.number == chosen.number - 1), None)
        if before is not None:
            diff = "".join(difflib.unified_diff(
                before.source.splitlines(keepends=True), chosen.source.splitlines(keepends=True),
                fromfile=f"第 {before.number} 版", tofile=f"第 {chosen.number} 版"))
    return render(request, "reports/template_versions.html", {
        "agency": agency, "template": template, "versions": versions, "chosen": chosen,
        "diff": diff})

"""Staff pages: results (with charts and downloads), paper entry, file import, responses."""

import tempfile
import uuid
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from servq.core import access
from servq.core.access import Perm
from servq.core.audit import audit_record
from servq.core.roc_dates import roc_date_short
from servq.core.spreadsheets import CONTENT_TYPES, sheets_response
from servq.core.tabular import ImportRejected, open_table

from .charts import group_chart_png
from .forms import ImportUploadForm, PaperEntryForm
from .importing import survey_responses_import
from .kiosk import kiosk_enrol
from .models import Channel, Questionnaire, Response
from .results import group_tables, select_results
from .services import DuplicateSerial, survey_response_delete, survey_response_submit
from .structure import load_structure, questionnaire_for_import, questionnaire_in_effect
from .tables import results_sheets

PAPER_DAY_KEY = "surveys_paper_day"


@login_required
def results(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.SURVEY_VIEW_RESULTS)
    switch_to = request.GET.get("agency")
    if switch_to and switch_to != agency.code:
        target = access.get_agency_for_user(request.user, switch_to, Perm.SURVEY_VIEW_RESULTS)
        query = request.GET.copy()
        query.pop("agency")
        return redirect(f"{reverse('surveys:results', kwargs={'agency': target.code})}?"
                        f"{query.urlencode()}")
    selection = select_results(agency, request.GET)
    stats = selection.stats
    return render(request, "surveys/results.html", {
        "agency": agency,
        "selection": selection,
        "stats": stats,
        "tables": group_tables(stats) if stats else [],
        "rankings": [("整體題", stats.ranking_overall), ("細項", stats.ranking)] if stats else [],
        "channel_counts": [(label, stats.respondents_by_channel.get(value, 0))
                           for value, label in Channel.choices] if stats else [],
        "agencies": access.agencies_with_perm(request.user, Perm.SURVEY_VIEW_RESULTS),
        "has_branches": agency.children.exists(),
    })


@login_required
def results_chart(request, agency, group):
    agency = access.get_agency_for_user(request.user, agency, Perm.SURVEY_VIEW_RESULTS)
    selection = select_results(agency, request.GET)
    if selection.stats is None:
        raise Http404("沒有問卷")
    for info, items in selection.stats.group_stats():
        if info.code == group and items:
            png = group_chart_png(f"{info.title}（{selection.name}）", items)
            return HttpResponse(png, content_type="image/png")
    raise Http404("沒有這個題組")


@login_required
def results_download(request, agency, fmt):
    agency = access.get_agency_for_user(request.user, agency, Perm.SURVEY_VIEW_RESULTS)
    if fmt not in CONTENT_TYPES:
        raise Http404("不支援的格式")
    selection = select_results(agency, request.GET)
    if selection.stats is None:
        raise Http404("沒有問卷")
    name = f"survey-{agency.code}{'-all' if selection.consolidated else ''}-" \
           f"{selection.period.code}"
    return sheets_response(fmt, results_sheets(selection.stats, agency_name=selection.name),
                           filename=name)


def _paper_day(request) -> str:
    """The date of the previous sheet (sheets come in stacks of one day), else today."""
    day = request.session.get(PAPER_DAY_KEY)
    return roc_date_short(date.fromisoformat(day) if day else timezone.localdate())


@login_required
def kiosk_enrolment(request, agency):
    """Staff make the tablet they are using one of the agency's counter kiosks."""
    agency = access.get_agency_for_user(request.user, agency, Perm.SURVEY_ENTER_PAPER)
    if request.method != "POST":
        return render(request, "surveys/kiosk_enrol.html", {"agency": agency})
    response = redirect("portal:surveys_public:kiosk", agency=agency.code)
    device = kiosk_enrol(response, agency=agency)
    audit_record(action="surveys.kiosk_enrol", request=request, agency=agency,
                 detail={"device": device.device})
    return response


@login_required
def paper_entry(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.SURVEY_ENTER_PAPER)
    questionnaire = questionnaire_in_effect(agency, timezone.localdate())
    if questionnaire is None:
        return render(request, "surveys/paper_entry.html", {"agency": agency, "form": None})
    structure = load_structure(questionnaire)
    if request.method == "POST":
        form = PaperEntryForm(request.POST, structure=structure)
        if form.is_valid():
            try:
                submission = survey_response_submit(
                    structure=structure, agency=agency, channel=Channel.PAPER,
                    submitted_on=form.cleaned_data["submitted_on"], answers=form.answers(),
                    texts=form.texts(), token=form.cleaned_data["token"],
                    serial=form.cleaned_data["serial"], entered_by=request.user,
                )
            except DuplicateSerial as duplicate:
                form.add_error("serial", duplicate)
            else:
                request.session[PAPER_DAY_KEY] = submission.response.submitted_on.isoformat()
                if submission.created:
                    messages.success(request, f"已儲存問卷編號 {submission.response.serial}"
                                              f"（{len(form.answers())} 題有答案）。請輸入下一張。")
                else:
                    messages.info(request, f"問卷編號 {submission.response.serial} 先前已儲存，"
                                           "未重複儲存。")
                return redirect("surveys:paper-entry", agency=agency.code)
    else:
        form = PaperEntryForm(structure=structure,
                              initial={"token": uuid.uuid4(), "submitted_on": _paper_day(request)})
    recent = (Response.objects.filter(agency=agency, channel=Channel.PAPER,
                                      entered_by=request.user)
              .order_by("-created_at")[:5])
    return render(request, "surveys/paper_entry.html", {
        "agency": agency, "form": form, "structure": structure, "recent": recent,
    })


@login_required
def import_upload(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.SURVEY_IMPORT)
    questionnaires = Questionnaire.objects.applying_to(agency).order_by("-effective_from",
                                                                        "-version")
    problems = None
    form = ImportUploadForm(request.POST or None, request.FILES or None,
                            questionnaires=questionnaires)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            chosen = questionnaire_for_import(agency, form.cleaned_data["questionnaire"],
                                              timezone.localdate())
        except ValueError as error:
            form.add_error("questionnaire", str(error))
        else:
            suffix = Path(upload.name).suffix.lower()
            with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
                handle.flush()
                try:
                    result = survey_responses_import(
                        table=open_table(handle.name), agency=agency,
                        structure=load_structure(chosen), file_name=upload.name,
                        actor=request.user, request=request)
                except ImportRejected as rejected:
                    problems = rejected
                else:
                    messages.success(request, f"已匯入 {result.responses} 份問卷（"
                                              f"{result.answers} 個答案），批次 #{result.batch.pk}。")
                    return redirect("surveys:import", agency=agency.code)
    return render(request, "surveys/import.html", {
        "agency": agency, "form": form, "problems": problems,
        "columns": _import_columns(agency),
    })


def _import_columns(agency) -> list[str]:
    questionnaire = questionnaire_in_effect(agency, timezone.localdate())
    if questionnaire is None:
        return []
    structure = load_structure(questionnaire)
    return ["submitted_on", "channel", "serial"] + [q.code for q in structure.questions]


@login_required
def response_list(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.SURVEY_MANAGE)
    found = (Response.objects.filter(agency=agency)
             .select_related("questionnaire", "entered_by", "batch")
             .prefetch_related("texts").order_by("-submitted_on", "-pk"))
    serial = request.GET.get("serial", "").strip()
    if serial:
        found = found.filter(serial=serial)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    # free-text opinions may name people: reading them is recorded
    audit_record(action="survey.responses_view", request=request, agency=agency,
                 detail={"page": page.number, "serial": serial})
    return render(request, "surveys/responses.html",
                  {"agency": agency, "page": page, "serial": serial})


@login_required
@require_POST
def response_delete(request, agency, pk):
    agency = access.get_agency_for_user(request.user, agency, Perm.SURVEY_MANAGE)
    response = get_object_or_404(Response, pk=pk, agency=agency)
    reason = request.POST.get("reason", "").strip()
    if not reason:
        messages.error(request, "刪除問卷必須說明原因。")
    else:
        label = response.serial or f"#{response.pk}"
        survey_response_delete(response=response, actor=request.user, request=request,
                               reason=reason)
        messages.success(request, f"已刪除問卷 {label}。")
    return redirect("surveys:responses", agency=agency.code)

"""Staff pages: inbox and dashboard, search, the petition page and its actions, the overdue
list, intake, the CSV export, attachments, and the ethics office's reporter reveal."""

import csv
import uuid
from dataclasses import dataclass
from typing import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from servq.core import access
from servq.core.access import Perm
from servq.core.audit import audit_record
from servq.core.roc_dates import roc_date_short
from servq.core.spreadsheets import spreadsheet_text

from . import selectors, services
from .forms import (
    AssignForm, AttachForm, CloseForm, ContactForm, ExtendForm, IntakeForm, MarkWhistleblowerForm,
    NotProcessedForm, OfficerForm, ReplyForm, RevealForm, RocDateField, SearchForm,
    apply_service_errors,
)
from .models import Petition, PetitionEvent
from .personal import attachment_download_name, personal_data_for
from .routing import suggest_assignment
from .whistleblower import petition_mark_whistleblower, reporter_identity_reveal

PAGE_SIZE = 50


def _search(request, agency):
    can_names = access.has_perm(request.user, Perm.PETITION_VIEW_PERSONAL, agency)
    form = SearchForm(request.GET or None, can_search_names=can_names)
    search = form.to_search() if form.is_bound and form.is_valid() else selectors.PetitionSearch()
    if search.name:  # a search by name reads personal data: audited (without the name)
        audit_record(action="petition.search_by_name", request=request, agency=agency)
    return form, search


@login_required
def inbox(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.PETITION_VIEW)
    form, search = _search(request, agency)
    today = timezone.localdate()
    petitions = selectors.petition_list(user=request.user, agency=agency, search=search)
    page = Paginator(petitions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "petitions/inbox.html", {
        "agency": agency, "form": form, "page": page, "today": today, "query": query.urlencode(),
        "counts": selectors.dashboard_counts(user=request.user, agency=agency, on=today),
        "can_intake": access.has_perm(request.user, Perm.PETITION_ASSIGN, agency),
        "due_soon_days": selectors.DUE_SOON_DAYS,
    })


class OverdueForm(forms.Form):
    on = RocDateField(label="基準日", required=False, help_text="空白為今天")


@login_required
def overdue(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.PETITION_VIEW)
    form = OverdueForm(request.GET or None)
    on = (form.cleaned_data.get("on") if form.is_bound and form.is_valid() else None) \
        or timezone.localdate()
    petitions = selectors.overdue_list(user=request.user, agency=agency, on=on)
    page = Paginator(petitions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "petitions/overdue.html",
                  {"agency": agency, "form": form, "on": on, "page": page})


class _Echo:
    def write(self, value):
        return value


EXPORT_HEADER = ["文號", "收件日", "管道", "類別", "主旨", "承辦單位", "處理期限", "回覆日",
                 "結案日", "狀態"]


@login_required
def export(request, agency):
    """The inbox's search as CSV, streamed. No personal data, no reporter, ever."""
    agency = access.get_agency_for_user(request.user, agency, Perm.PETITION_VIEW)
    _, search = _search(request, agency)
    rows = selectors.petition_list(user=request.user, agency=agency, search=search)
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(EXPORT_HEADER)
        for p in rows.iterator(chunk_size=1000):
            yield writer.writerow([spreadsheet_text(value) for value in [
                p.number, roc_date_short(p.received_on), p.get_channel_display(),
                p.category.name, p.subject, p.assigned_unit.name if p.assigned_unit else "",
                roc_date_short(p.due_on), roc_date_short(p.replied_on) if p.replied_on else "",
                roc_date_short(p.closed_on) if p.closed_on else "", p.get_status_display()]])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="petitions-{agency.code}.csv"'
    return response


@sensitive_post_parameters("name", "email", "phone", "address")
@login_required
def intake(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.PETITION_ASSIGN)
    if request.method == "POST":
        form = IntakeForm(request.POST, request.FILES, agency=agency, user=request.user)
        if form.is_valid():
            try:
                receipt = services.petition_receive(
                    agency=agency, channel=form.cleaned_data["channel"],
                    category=form.cleaned_data["category"],
                    subject=form.cleaned_data["subject"], intake=form.to_intake(),
                    actor=request.user, submission_key=form.cleaned_data["submission_key"],
                    request=request)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                if receipt.created:
                    messages.success(request, f"已登錄，文號 {receipt.petition.number}，查詢碼 "
                                     f"{receipt.tracking_code}（只顯示這一次，請告知陳情人）。")
                else:
                    messages.info(request, f"此筆已登錄過（文號 {receipt.petition.number}）。")
                return redirect("petitions:detail", agency=agency.code, pk=receipt.petition.pk)
    else:
        form = IntakeForm(agency=agency, user=request.user, initial={
            "submission_key": uuid.uuid4().hex, "received_on": timezone.localdate()})
    return render(request, "petitions/intake.html", {"agency": agency, "form": form},
                  status=400 if form.is_bound else 200)


@dataclass(frozen=True)
class Action:
    form: type
    perm: str
    run: Callable  # (petition, cleaned data, request) -> None
    done: str
    needs_agency: bool = False


ACTIONS = {
    "assign": Action(AssignForm, Perm.PETITION_ASSIGN, lambda p, d, r: services.petition_assign(
        petition=p, unit=d["unit"], user=d["user"], note=d["note"], on=d["on"], actor=r.user,
        request=r), "已分案並通知承辦人。", needs_agency=True),
    "contact": Action(ContactForm, Perm.PETITION_HANDLE,
                      lambda p, d, r: services.petition_record_contact(
                          petition=p, method=d["method"], summary=d["summary"], on=d["on"],
                          actor=r.user), "已登錄聯繫紀錄。"),
    "extend": Action(ExtendForm, Perm.PETITION_HANDLE,
                     lambda p, d, r: services.petition_extend_deadline(
                         petition=p, new_due_on=d["new_due_on"], reason=d["reason"],
                         approved_by=d["approved_by"], notice_method=d["notice_method"],
                         notice_on=d["notice_on"], actor=r.user), "已展延期限。",
                     needs_agency=True),
    "reply": Action(ReplyForm, Perm.PETITION_HANDLE, lambda p, d, r: services.petition_reply(
        petition=p, method=d["method"], summary=d["summary"], on=d["on"], close=d["close"],
        actor=r.user), "已登錄回覆。"),
    "close": Action(CloseForm, Perm.PETITION_HANDLE, lambda p, d, r: services.petition_close(
        petition=p, on=d["on"], actor=r.user), "已結案。"),
    "not-processed": Action(NotProcessedForm, Perm.PETITION_HANDLE,
                            lambda p, d, r: services.petition_register_not_processed(
                                petition=p, reason=d["reason"], repeat_of=d["repeat_of"],
                                note=d["note"], on=d["on"], actor=r.user),
                            "已登錄為存查不予處理。", needs_agency=True),
    "officer": Action(OfficerForm, Perm.PETITION_HANDLE,
                      lambda p, d, r: services.petition_set_officer(
                          petition=p, officer=d["complained_officer"], actor=r.user),
                      "已更新被陳情人員。", needs_agency=True),
    "attach": Action(AttachForm, Perm.PETITION_HANDLE, lambda p, d, r: services.petition_attach(
        petition=p, files=list(d["_files"]), actor=r.user), "已上傳附件。"),
    "whistleblower": Action(MarkWhistleblowerForm, Perm.PETITION_VIEW_WHISTLEBLOWER,
                            lambda p, d, r: petition_mark_whistleblower(
                                petition=p, actor=r.user, reason=d["reason"], request=r),
                            "已改列為公益揭弊檢舉，陳情人身分已移至檢舉人身分資料。"),
}


def _action_form(name: str, action: Action, petition: Petition, data=None, files=None):
    kwargs = {"agency": petition.agency} if action.needs_agency else {}
    return action.form(data, files, prefix=name, **kwargs)


def _detail_context(request, petition: Petition, bound: dict | None = None) -> dict:
    user, agency = request.user, petition.agency
    allowed = {name for name, action in ACTIONS.items() if access.has_perm(user, action.perm, agency)}
    forms_ = {name.replace("-", "_"): (bound or {}).get(name) or
              _action_form(name, ACTIONS[name], petition) for name in allowed}
    suggestion = None
    if "assign" in allowed and petition.is_open and petition.assigned_unit_id is None:
        suggestion = suggest_assignment(petition)
        if suggestion.unit is not None and not (bound or {}).get("assign"):
            forms_["assign"].initial = {"unit": suggestion.unit, "user": suggestion.user}
    reveal_allowed = access.can_reveal_reporter(user, petition)
    personal = personal_data_for(user, petition, request=request)
    return {
        "agency": agency, "petition": petition, "today": timezone.localdate(),
        "petitioner": personal.petitioner, "attachments": personal.attachments,
        "attachments_open": personal.attachments_open,
        "timeline": selectors.petition_timeline(petition),
        "exchanges_open": access.can_read_reporter_exchanges(user, petition),
        "reporter_exchanges": PetitionEvent.REPORTER_EXCHANGES,
        "reminders": petition.reminders.all(),
        "forms": forms_, "suggestion": suggestion, "reveal_allowed": reveal_allowed,
        "has_timely_call": selectors.has_timely_call(petition),
    }


@login_required
@never_cache
def detail(request, agency, pk):
    petition = access.get_petition_for_user(request.user, pk, agency_code=agency)
    return render(request, "petitions/detail.html", _detail_context(request, petition))


@login_required
@require_POST
def act(request, agency, pk, action):
    if action not in ACTIONS:
        raise Http404("沒有這個動作。")
    spec = ACTIONS[action]
    petition = access.get_petition_for_user(request.user, pk, agency_code=agency)
    access.require(request.user, spec.perm, petition.agency)
    form = _action_form(action, spec, petition, request.POST, request.FILES)
    if form.is_valid():
        data = dict(form.cleaned_data)
        if isinstance(form, AttachForm):
            data["_files"] = form.checked_attachments()
        try:
            spec.run(petition, data, request)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, spec.done)
            return redirect("petitions:detail", agency=petition.agency.code, pk=petition.pk)
    return render(request, "petitions/detail.html",
                  _detail_context(request, petition, {action: form}), status=400)


@login_required
def attachment(request, agency, pk, attachment_pk):
    petition = access.get_petition_for_user(request.user, pk, agency_code=agency)
    if not access.can_open_attachments(request.user, petition):
        raise PermissionDenied("公益揭弊檢舉的附件僅政風室可以檢視。"
                               if petition.is_whistleblower_report else
                               "附件含個人資料，您的角色不能檢視。")
    item = petition.attachments.filter(pk=attachment_pk).first()
    if item is None:
        raise Http404("找不到此附件。")
    audit_record(action="petition.attachment_download", request=request, agency=petition.agency,
                 target=petition, detail={"attachment": item.pk})
    response = FileResponse(item.file.open("rb"), as_attachment=True,
                            filename=attachment_download_name(request.user, petition, item),
                            content_type=item.content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@sensitive_post_parameters("reason")
@login_required
@never_cache
def reporter(request, agency, pk):
    """The ethics office reveals a whistleblower: with a reason, audited."""
    petition = access.get_petition_for_user(request.user, pk, agency_code=agency)
    if not access.can_reveal_reporter(request.user, petition):
        raise PermissionDenied("只有政風室得查閱檢舉人身分。")
    identity, revealed = None, False
    form = RevealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            identity = reporter_identity_reveal(petition=petition, user=request.user,
                                                reason=form.cleaned_data["reason"],
                                                request=request)
            revealed = True
        except ValidationError as error:
            apply_service_errors(form, error)
    return render(request, "petitions/reporter.html", {
        "agency": petition.agency, "petition": petition, "form": form,
        "identity": identity, "revealed": revealed})

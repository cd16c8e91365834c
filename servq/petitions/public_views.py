"""Public pages: the opinion and ethics mailboxes, the receipt, and case tracking, in the
portal's frame (menu, search, footer) and the page's language."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from servq.core import ratelimit
from servq.core.audit import client_ip
from servq.portal.frame import public_agency, render_site

from .forms import apply_service_errors
from .models import Channel, Petition
from .public_forms import ETHICS, OPINION, PublicPetitionForm, TrackForm
from .services import petition_receive
from .tracking import TooManyAttempts, track

# Submissions per client address and agency.
SUBMISSIONS = dict(limit=10, window=3600)
# This browser's submissions: case number -> tracking code until shown once, then None.
SESSION_RECEIPTS = "petition_receipts"
CHANNELS = {OPINION: Channel.OPINION_MAILBOX, ETHICS: Channel.ETHICS_MAILBOX}
# The pages' entries in the portal's menu and site map (servq/portal/search_pages.py).
MENU_KEYS = {OPINION: "petitions.opinion", ETHICS: "petitions.ethics"}
TRACK_MENU_KEY = "petitions.track"

PUBLIC_STATUS = {
    Petition.Status.RECEIVED: gettext_lazy("已收件，待分案"),
    Petition.Status.ASSIGNED: gettext_lazy("處理中"),
    Petition.Status.REPLIED: gettext_lazy("已回覆"),
    Petition.Status.CLOSED: gettext_lazy("已結案"),
    Petition.Status.NOT_PROCESSED: gettext_lazy("已登錄，依規定不予處理"),
}


@sensitive_post_parameters("name", "email", "phone", "address")
@never_cache
def mailbox(request, agency, mailbox):
    agency = public_agency(agency)
    status = 200
    if request.method == "POST":
        form = PublicPetitionForm(request.POST, request.FILES, agency=agency, mailbox=mailbox)
        verdict = ratelimit.hit(f"petitions.submit:{agency.code}:{client_ip(request)}",
                                **SUBMISSIONS)
        if not verdict.allowed:
            form.is_valid()
            form.add_error(None, _("送出次數過多，請於 %(minutes)d 分鐘後再試。")
                           % {"minutes": ratelimit.minutes_to_wait(verdict.retry_after)})
            status = 429
        elif form.is_valid():
            try:
                receipt = petition_receive(
                    agency=agency, channel=CHANNELS[mailbox], category=form.category_for(),
                    subject=form.cleaned_data["subject"], intake=form.to_intake(),
                    submission_key=form.cleaned_data["submission_key"], request=request)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                receipts = request.session.get(SESSION_RECEIPTS, {})
                if receipt.created or receipt.petition.number not in receipts:
                    receipts[receipt.petition.number] = receipt.tracking_code
                    request.session[SESSION_RECEIPTS] = receipts
                received_url = reverse("portal:petitions_public:received",
                                       kwargs={"agency": agency.code})
                return redirect(f"{received_url}?n={receipt.petition.number}")
        if status == 200:
            status = 400
    else:
        form = PublicPetitionForm(agency=agency, mailbox=mailbox,
                                  initial={"submission_key": uuid.uuid4().hex})
    template = "petitions/public/ethics_form.html" if mailbox == ETHICS else \
        "petitions/public/opinion_form.html"
    return render_site(request, agency, template, {
        "form": form, "mailbox": mailbox, "current": MENU_KEYS[mailbox],
        "max_mb": settings.SERVQ_PETITION_ATTACHMENT_MAX_BYTES // (1024 * 1024),
    }, status=status)


@never_cache
def received(request, agency):
    agency = public_agency(agency)
    number = request.GET.get("n", "").strip().upper()
    receipts = request.session.get(SESSION_RECEIPTS, {})
    if number not in receipts:
        # Only this browser's own submissions: any other number, existing or not, gets the
        # same answer, so the page tells nobody which case numbers exist.
        return redirect("portal:petitions_public:track", agency=agency.code)
    # The code is shown once (a repeat submission, or a reload, shows the number only).
    code = receipts[number]
    receipts[number] = None
    request.session[SESSION_RECEIPTS] = receipts
    return render_site(request, agency, "petitions/public/received.html",
                       {"number": number, "code": code, "current": TRACK_MENU_KEY})


@never_cache
def tracking(request, agency):
    agency = public_agency(agency)
    petition, status = None, 200
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            petition = track(agency=agency, number=form.cleaned_data["number"],
                             code=form.cleaned_data["code"], client=client_ip(request) or "")
        except TooManyAttempts as refused:
            form.add_error(None, _("查詢次數過多，請於 %(minutes)d 分鐘後再試。")
                           % {"minutes": ratelimit.minutes_to_wait(refused.retry_after)})
            status = 429
        else:
            if petition is None:
                form.add_error(None, _("案號或查詢碼不正確。"))
                status = 404
    elif request.method == "POST":
        status = 400
    return render_site(request, agency, "petitions/public/track.html", {
        "form": form, "petition": petition, "current": TRACK_MENU_KEY,
        "public_status": PUBLIC_STATUS.get(petition.status) if petition else None,
    }, status=status)

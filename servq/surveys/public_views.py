"""The public questionnaire: on the web (phones) and on the kiosk tablet at the counter, in the
portal's frame (menu, search, footer) and in the page's language."""

import uuid

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from servq.core import ratelimit
from servq.core.audit import client_ip
from servq.portal.frame import public_agency, render_site

from .forms import PublicQuestionnaireForm
from .kiosk import kiosk_device_for
from .models import Channel
from .services import survey_response_submit
from .structure import PUBLIC_CACHE_SECONDS, public_questionnaire, structure_for_public

MENU_KEY = "surveys.questionnaire"  # the portal menu entry (servq/portal/search_pages.py)
# Floods would skew the quarter's official figures: a citizen sends one sheet; a counter
# tablet, one every few minutes at most.
WEB_LIMIT = {"limit": 10, "window": 3600}
KIOSK_LIMIT = {"limit": 240, "window": 3600}


def questionnaire_web(request, agency):
    return _questionnaire(request, agency, kiosk=False)


def questionnaire_kiosk(request, agency):
    return _questionnaire(request, agency, kiosk=True)


def _questionnaire(request, agency, *, kiosk: bool):
    agency = public_agency(agency)
    questionnaire = public_questionnaire(agency, timezone.localdate())
    if questionnaire is None:
        return render_site(request, agency, "surveys/public/unavailable.html",
                           {"current": MENU_KEY})
    device = kiosk_device_for(request, agency) if kiosk else None
    if kiosk and device is None:
        return render_site(request, agency, "surveys/public/kiosk_not_enrolled.html",
                           {"current": MENU_KEY}, status=403)
    structure = structure_for_public(questionnaire, translation.get_language())
    status = 200
    if request.method == "POST":
        form = PublicQuestionnaireForm(request.POST, structure=structure)
        key = f"surveys.kiosk:{device.device}" if kiosk else \
            f"surveys.web:{agency.code}:{client_ip(request)}"
        verdict = ratelimit.hit(key, **(KIOSK_LIMIT if kiosk else WEB_LIMIT))
        if not verdict.allowed:
            form.is_valid()
            form.add_error(None, _("送出次數過多，請於 %(minutes)d 分鐘後再試。")
                           % {"minutes": ratelimit.minutes_to_wait(verdict.retry_after)})
            status = 429
        elif form.is_valid():
            survey_response_submit(
                structure=structure, agency=agency,
                channel=Channel.KIOSK if kiosk else Channel.WEB,
                submitted_on=timezone.localdate(), answers=form.answers(), texts=form.texts(),
                token=form.cleaned_data["token"],
            )
            if kiosk:  # straight back to a blank form for the next citizen
                return redirect(reverse("portal:surveys_public:kiosk",
                                        kwargs={"agency": agency.code}) + "?sent=1")
            return redirect("portal:surveys_public:thanks", agency=agency.code)
    else:
        form = PublicQuestionnaireForm(structure=structure, initial={"token": uuid.uuid4()})
    return render_site(request, agency, "surveys/public/form.html", {
        "structure": structure, "form": form, "kiosk": kiosk, "current": MENU_KEY,
        "cache_seconds": PUBLIC_CACHE_SECONDS,  # the unanswered questions' HTML is reused
        "sent": kiosk and request.GET.get("sent") == "1" and request.method == "GET",
    }, status=status)


def thanks(request, agency):
    agency = public_agency(agency)
    return render_site(request, agency, "surveys/public/thanks.html", {"current": MENU_KEY})

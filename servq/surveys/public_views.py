"""The public questionnaire: on the web (phones) and on the kiosk tablet at the counter."""

import uuid

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from servq.core.models import Agency

from .forms import PublicQuestionnaireForm
from .models import Channel
from .services import survey_response_submit
from .structure import load_structure, questionnaire_in_effect


def questionnaire_web(request, agency):
    return _questionnaire(request, agency, kiosk=False)


def questionnaire_kiosk(request, agency):
    return _questionnaire(request, agency, kiosk=True)


def _questionnaire(request, agency, *, kiosk: bool):
    agency = get_object_or_404(Agency, code=agency)
    questionnaire = questionnaire_in_effect(agency, timezone.localdate())
    if questionnaire is None:
        return render(request, "surveys/public/unavailable.html", {"agency": agency})
    structure = load_structure(questionnaire)
    if request.method == "POST":
        form = PublicQuestionnaireForm(request.POST, structure=structure)
        if form.is_valid():
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
    return render(request, "surveys/public/form.html", {
        "agency": agency, "questionnaire": questionnaire, "form": form, "kiosk": kiosk,
        "sent": kiosk and request.GET.get("sent") == "1" and request.method == "GET",
    })


def thanks(request, agency):
    agency = get_object_or_404(Agency, code=agency)
    return render(request, "surveys/public/thanks.html", {"agency": agency})

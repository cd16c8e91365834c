"""The media ledger: negative news reports and press releases (秘書室／新聞發言人)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from servq.core import access
from servq.core.access import Perm

from .forms import RocDateField
from .models import NewsReport, PressRelease
from .services import media_entry_save


class NewsReportForm(forms.ModelForm):
    published_on = RocDateField(label="報導日期")
    responded_on = RocDateField(label="回應日期", required=False)

    class Meta:
        model = NewsReport
        fields = ["published_on", "outlet", "subject", "response", "responded_on"]
        widgets = {"response": forms.Textarea(attrs={"rows": 3})}


class PressReleaseForm(forms.ModelForm):
    issued_on = RocDateField(label="發布日期")
    url = forms.URLField(label="網址", required=False, assume_scheme="https")

    class Meta:
        model = PressRelease
        fields = ["issued_on", "title", "url"]


KINDS = {"news": (NewsReport, NewsReportForm, "負面新聞報導"),
         "press": (PressRelease, PressReleaseForm, "新聞稿")}


def _year(request) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 1912 <= int(text) <= 2200 else timezone.localdate().year


@login_required
def media(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.REPORT_VIEW)
    year = _year(request)
    return render(request, "petitions/media.html", {
        "agency": agency, "year": year,
        "news": NewsReport.objects.filter(agency=agency, published_on__year=year),
        "releases": PressRelease.objects.filter(agency=agency, issued_on__year=year),
        "can_edit": access.has_perm(request.user, Perm.MEDIA_EDIT, agency),
    })


@login_required
def media_edit(request, agency, kind, pk=None):
    agency = access.get_agency_for_user(request.user, agency, Perm.MEDIA_EDIT)
    if kind not in KINDS:
        return redirect("petitions:media", agency=agency.code)
    model, form_class, label = KINDS[kind]
    instance = get_object_or_404(model, agency=agency, pk=pk) if pk else model(
        agency=agency, created_by=request.user)
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        media_entry_save(entry=form.save(commit=False), actor=request.user)
        messages.success(request, f"已儲存{label}。")
        return redirect("petitions:media", agency=agency.code)
    return render(request, "petitions/media_edit.html",
                  {"agency": agency, "form": form, "label": label, "instance": instance},
                  status=400 if request.method == "POST" else 200)

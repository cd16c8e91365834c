"""Staff pages for the public site's content: one list/edit/delete pattern for every kind.

Who: Perm.PORTAL_EDIT in the agency (secretariat and statistics office). Writes go through
services.content_save / content_delete, which keep the search index and the audit trail.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from servq.core import access
from servq.core.access import Perm

from . import forms, services
from .models import DisclosureEntry, DownloadForm, FaqEntry, NewsItem, Page, SiteProfile


@dataclass(frozen=True)
class ContentKind:
    slug: str
    label: str
    model: type
    form: type
    columns: tuple[tuple[str, str], ...]  # (attribute, heading) shown in the list


KINDS = {kind.slug: kind for kind in [
    ContentKind("news", "最新消息", NewsItem, forms.NewsItemForm,
                (("title_zh", "標題"), ("published_on", "發布日期"))),
    ContentKind("pages", "網頁（為民服務、宣告）", Page, forms.PageForm,
                (("title_zh", "標題"), ("get_slug_display", "頁面"), ("updated_on", "更新日期"))),
    ContentKind("faq", "常見問題", FaqEntry, forms.FaqEntryForm,
                (("question_zh", "問題"), ("sort_order", "排序"), ("updated_on", "更新日期"))),
    ContentKind("disclosure", "政府資訊公開", DisclosureEntry, forms.DisclosureEntryForm,
                (("title_zh", "標題"), ("get_category_display", "類別"),
                 ("published_on", "公開日期"))),
    ContentKind("forms", "下載書表", DownloadForm, forms.DownloadFormForm,
                (("name_zh", "書表名稱"), ("replaced_on", "檔案更新日期"),
                 ("withdrawn_on", "停止提供日期"))),
]}


def _kind(slug: str) -> ContentKind:
    if slug not in KINDS:
        raise Http404("no such content kind")
    return KINDS[slug]


@login_required
def overview(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.PORTAL_EDIT)
    return render(request, "portal/staff/overview.html",
                  {"agency": agency, "kinds": KINDS.values()})


@login_required
def content_list(request, agency, kind):
    agency = access.get_agency_for_user(request.user, agency, Perm.PORTAL_EDIT)
    kind = _kind(kind)
    items = kind.model.objects.filter(agency=agency)
    rows = [{"item": item, "cells": [_cell(item, attr) for attr, _ in kind.columns]}
            for item in items]
    return render(request, "portal/staff/content_list.html",
                  {"agency": agency, "kind": kind, "rows": rows})


def _cell(item, attribute: str):
    value = getattr(item, attribute)
    return value() if callable(value) else value


@login_required
@require_http_methods(["GET", "POST"])
def content_edit(request, agency, kind, pk=None):
    agency = access.get_agency_for_user(request.user, agency, Perm.PORTAL_EDIT)
    kind = _kind(kind)
    item = (get_object_or_404(kind.model, agency=agency, pk=pk) if pk
            else kind.model(agency=agency))
    form = kind.form(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        services.content_save(item=form.save(commit=False), request=request)
        messages.success(request, f"已儲存「{item}」，網站與搜尋已更新。")
        return redirect("portal_staff:list", agency=agency.code, kind=kind.slug)
    return render(request, "portal/staff/content_edit.html",
                  {"agency": agency, "kind": kind, "form": form, "item": item})


@login_required
@require_http_methods(["GET", "POST"])
def content_delete(request, agency, kind, pk):
    agency = access.get_agency_for_user(request.user, agency, Perm.PORTAL_EDIT)
    kind = _kind(kind)
    item = get_object_or_404(kind.model, agency=agency, pk=pk)
    if request.method == "POST":
        title = str(item)
        services.content_delete(item=item, request=request)
        messages.success(request, f"已刪除「{title}」。")
        return redirect("portal_staff:list", agency=agency.code, kind=kind.slug)
    return render(request, "portal/staff/content_delete.html",
                  {"agency": agency, "kind": kind, "item": item})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.PORTAL_EDIT)
    profile = SiteProfile.objects.filter(agency=agency).first() or SiteProfile(agency=agency)
    form = forms.SiteProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.site_profile_save(profile=form.save(commit=False), request=request)
        messages.success(request, "已儲存網站基本資料。")
        return redirect("portal_staff:overview", agency=agency.code)
    return render(request, "portal/staff/profile_edit.html", {"agency": agency, "form": form})

"""The agency's deadline and routing rules, kept by the secretariat (研考) or an administrator."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render

from servq.core import access
from servq.core.access import Perm
from servq.core.audit import audit_record
from servq.core.models import Unit

from .models import DeadlineRule, RoutingRule


class DeadlineRuleForm(forms.ModelForm):
    class Meta:
        model = DeadlineRule
        fields = ["category", "days", "day_kind"]


class RoutingRuleForm(forms.ModelForm):
    class Meta:
        model = RoutingRule
        fields = ["category", "channel", "target", "unit", "priority", "is_active"]


class DeadlineRuleFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            category = form.cleaned_data.get("category")
            if category in seen:
                raise forms.ValidationError(
                    f"「{category or '預設'}」的處理期限只能有一條規則。")
            seen.add(category)


def _formsets(agency, data=None):
    deadline = forms.modelformset_factory(DeadlineRule, form=DeadlineRuleForm, extra=1,
                                          can_delete=True, formset=DeadlineRuleFormSet)
    routing = forms.modelformset_factory(RoutingRule, form=RoutingRuleForm, extra=1,
                                         can_delete=True)
    deadlines = deadline(data, prefix="deadline",
                         queryset=DeadlineRule.objects.filter(agency=agency)
                         .select_related("category"))
    routes = routing(data, prefix="routing",
                     queryset=RoutingRule.objects.filter(agency=agency)
                     .select_related("category", "unit"))
    for form in [*deadlines.forms, *routes.forms]:
        form.instance.agency = agency  # so clean() and the constraints see the agency
    for form in routes.forms:
        form.fields["unit"].queryset = Unit.objects.filter(agency=agency, is_active=True)
    return deadlines, routes


@login_required
def rules(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.PETITION_MANAGE_RULES)
    deadlines, routes = _formsets(agency, request.POST if request.method == "POST" else None)
    if request.method == "POST" and deadlines.is_valid() and routes.is_valid():
        with transaction.atomic():
            deadlines.save()
            routes.save()
            audit_record(action="petition.rules_change", request=request, agency=agency)
        messages.success(request, "已儲存處理期限與分案規則。")
        return redirect("petitions:rules", agency=agency.code)
    return render(request, "petitions/rules.html", {
        "agency": agency, "deadlines": deadlines, "routes": routes,
        "deadline_headings": ["類別", "天數", "計算方式", "刪除"],
        "routing_headings": ["類別", "管道", "分案對象", "單位", "優先順序", "使用中", "刪除"]},
                  status=400 if request.method == "POST" else 200)

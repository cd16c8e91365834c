from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from . import access
from .access import Perm
from .audit import reason_for
from .models import AuditEvent
from .navigation import menu_for


@login_required
def staff_home(request):
    agencies = access.agencies_for_user(request.user)
    sections = [{"agency": a, "menu": menu_for(request.user, a)} for a in agencies]
    return render(request, "core/staff_home.html", {"sections": sections})


@login_required
def audit_log(request, agency):
    agency = access.get_agency_for_user(request.user, agency, Perm.AUDIT_VIEW)
    events = AuditEvent.objects.filter(agency=agency).select_related("agency") \
        .order_by("-at", "-pk")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    rows = [(event, reason_for(request.user, event)) for event in page]
    return render(request, "core/audit_log.html", {"agency": agency, "page": page, "rows": rows})

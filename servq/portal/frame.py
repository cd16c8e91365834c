"""The public site's frame, for the portal's pages and the public pages other apps mount under
/<lang>/<agency>/ (the questionnaire, the mailboxes, tracking): their templates extend
portal/base.html, and rendering through `render_site` gives them the agency's menu (with
`current` marking the page's own entry), search box, language switch and footer."""

from django.shortcuts import render

from servq.core.models import Agency

from . import selectors
from .selectors import public_agency

__all__ = ["public_agency", "render_site"]


def render_site(request, agency: Agency, template: str, context: dict, status: int = 200):
    context = {
        "agency": agency,
        "profile": selectors.site_profile(agency),
        "menu": selectors.site_menu(agency),
        **context,
    }
    return render(request, template, context, status=status)

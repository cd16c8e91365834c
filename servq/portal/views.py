from django.shortcuts import render

from servq.core.models import Agency


def index(request):
    """The public entry page: every agency's public site."""
    agencies = Agency.objects.filter(kind=Agency.Kind.BRANCH)
    return render(request, "portal/index.html", {"agencies": agencies})

"""Staff pages under /staff/, the JSON API under /api/, the public site under a language prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path

from servq.core.login import StaffAuthenticationForm
from servq.portal.views import search_redirect

urlpatterns = [
    path("admin/", admin.site.urls),
    # Django's login view with failed attempts throttled (core/login.py); the rest as Django's.
    path("accounts/login/", LoginView.as_view(authentication_form=StaffAuthenticationForm),
         name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("staff/", include("servq.core.urls")),
    path("staff/", include("servq.surveys.urls")),
    path("staff/", include("servq.petitions.urls")),
    path("staff/", include("servq.ledgers.urls")),
    path("staff/", include("servq.reports.urls")),
    path("staff/", include("servq.portal.staff_urls")),
    path("search/", search_redirect, name="search"),
    path("api/", include("servq.api.urls")),
]
urlpatterns += i18n_patterns(path("", include("servq.portal.urls")), prefix_default_language=True)

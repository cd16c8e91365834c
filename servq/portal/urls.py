from django.urls import include, path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:agency>/questionnaire/", include("servq.surveys.public_urls")),
    path("<slug:agency>/petitions/", include("servq.petitions.public_urls")),
]

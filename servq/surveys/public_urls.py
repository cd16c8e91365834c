"""Under /<lang>/<agency>/questionnaire/ (included by portal/urls.py)."""

from django.urls import path

from . import public_views

app_name = "surveys_public"
urlpatterns = [
    path("", public_views.questionnaire_web, name="form"),
    path("kiosk/", public_views.questionnaire_kiosk, name="kiosk"),
    path("thanks/", public_views.thanks, name="thanks"),
]

"""Included by portal/urls.py under /<lang>/<agency>/petitions/."""

from django.urls import path

from . import public_views

app_name = "petitions_public"
urlpatterns = [
    path("opinion/", public_views.mailbox, {"mailbox": "opinion"}, name="opinion"),
    path("ethics/", public_views.mailbox, {"mailbox": "ethics"}, name="ethics"),
    path("received/", public_views.received, name="received"),
    path("track/", public_views.tracking, name="track"),
]

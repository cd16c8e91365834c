from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("v1/<slug:agency>/petitions/", views.petitions_create, name="petitions"),
    path("v1/<slug:agency>/petitions/<str:number>/", views.petition_detail, name="petition"),
]

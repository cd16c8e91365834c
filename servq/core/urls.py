from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.staff_home, name="staff-home"),
    path("<slug:agency>/audit/", views.audit_log, name="audit-log"),
]

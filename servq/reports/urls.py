from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("<slug:agency>/reports/", views.home, name="home"),
    path("<slug:agency>/reports/builds/new/", views.build_start, name="build-start"),
    path("<slug:agency>/reports/builds/<int:pk>/", views.build_detail, name="build-detail"),
    path("<slug:agency>/reports/builds/<int:pk>/status.json", views.build_status, name="build-status"),
    path("<slug:agency>/reports/builds/<int:pk>/view/", views.build_view, name="build-view"),
    path("<slug:agency>/reports/builds/<int:pk>/files/<slug:fmt>/", views.build_download,
         name="build-download"),
    path("<slug:agency>/reports/builds/<int:pk>/issue/", views.build_issue_view, name="build-issue"),
    path("<slug:agency>/reports/templates/<slug:code>/", views.template_edit, name="template-edit"),
    path("<slug:agency>/reports/templates/<slug:code>/preview/", views.template_preview,
         name="template-preview"),
    path("<slug:agency>/reports/templates/<slug:code>/versions/", views.template_versions,
         name="template-versions"),
]

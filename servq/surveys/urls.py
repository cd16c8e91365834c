from django.urls import path

from . import views

app_name = "surveys"
urlpatterns = [
    path("<slug:agency>/surveys/results/", views.results, name="results"),
    path("<slug:agency>/surveys/results/chart-<slug:group>.png", views.results_chart,
         name="results-chart"),
    path("<slug:agency>/surveys/results/download.<slug:fmt>", views.results_download,
         name="results-download"),
    path("<slug:agency>/surveys/paper/", views.paper_entry, name="paper-entry"),
    path("<slug:agency>/surveys/kiosk/", views.kiosk_enrolment, name="kiosk-enrol"),
    path("<slug:agency>/surveys/import/", views.import_upload, name="import"),
    path("<slug:agency>/surveys/responses/", views.response_list, name="responses"),
    path("<slug:agency>/surveys/responses/<int:pk>/delete/", views.response_delete,
         name="response-delete"),
]

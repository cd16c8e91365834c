from django.urls import path

from . import media_views, rules_views, views

app_name = "petitions"
urlpatterns = [
    path("<slug:agency>/petitions/", views.inbox, name="inbox"),
    path("<slug:agency>/petitions/overdue/", views.overdue, name="overdue"),
    path("<slug:agency>/petitions/export.csv", views.export, name="export"),
    path("<slug:agency>/petitions/new/", views.intake, name="new"),
    path("<slug:agency>/petitions/rules/", rules_views.rules, name="rules"),
    path("<slug:agency>/petitions/<int:pk>/", views.detail, name="detail"),
    path("<slug:agency>/petitions/<int:pk>/reporter/", views.reporter, name="reporter"),
    path("<slug:agency>/petitions/<int:pk>/attachments/<int:attachment_pk>/", views.attachment,
         name="attachment"),
    path("<slug:agency>/petitions/<int:pk>/<slug:action>/", views.act, name="act"),
    path("<slug:agency>/media/", media_views.media, name="media"),
    path("<slug:agency>/media/<slug:kind>/new/", media_views.media_edit, name="media-new"),
    path("<slug:agency>/media/<slug:kind>/<int:pk>/", media_views.media_edit, name="media-edit"),
]

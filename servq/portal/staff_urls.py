from django.urls import path

from . import staff_views as views

app_name = "portal_staff"
urlpatterns = [
    path("<slug:agency>/portal/", views.overview, name="overview"),
    path("<slug:agency>/portal/profile/", views.profile_edit, name="profile"),
    path("<slug:agency>/portal/<slug:kind>/", views.content_list, name="list"),
    path("<slug:agency>/portal/<slug:kind>/new/", views.content_edit, name="create"),
    path("<slug:agency>/portal/<slug:kind>/<int:pk>/", views.content_edit, name="edit"),
    path("<slug:agency>/portal/<slug:kind>/<int:pk>/delete/", views.content_delete,
         name="delete"),
]

from django.urls import include, path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search_all, name="search-all"),
    path("<slug:agency>/", views.home, name="home"),
    path("<slug:agency>/pages/<slug:slug>/", views.page, name="page"),
    path("<slug:agency>/news/", views.news_list, name="news"),
    path("<slug:agency>/news/<int:pk>/", views.news_detail, name="news-detail"),
    path("<slug:agency>/faq/", views.faq, name="faq"),
    path("<slug:agency>/sitemap/", views.sitemap, name="sitemap"),
    path("<slug:agency>/disclosure/", views.disclosure_list, name="disclosure"),
    path("<slug:agency>/disclosure/<int:pk>/", views.disclosure_detail, name="disclosure-detail"),
    path("<slug:agency>/disclosure/<int:pk>/attachment/", views.disclosure_attachment,
         name="disclosure-attachment"),
    path("<slug:agency>/forms/", views.forms_list, name="forms"),
    path("<slug:agency>/forms/<int:pk>/<str:fmt>/", views.form_download, name="form-download"),
    path("<slug:agency>/payment/", views.payment_guide, name="payment"),
    path("<slug:agency>/search/", views.search, name="search"),
    path("<slug:agency>/questionnaire/", include("servq.surveys.public_urls")),
    path("<slug:agency>/petitions/", include("servq.petitions.public_urls")),
]

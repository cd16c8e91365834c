app_name = "petitions_public"
urlpatterns = []

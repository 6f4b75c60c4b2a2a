"""Staff pages of communication, under /komunikacija/."""

from django.urls import path

from sklaida.communication.views import checks

app_name = "communication"

urlpatterns: list = []

urlpatterns += [
    path("tikrinti/", checks.check_text, name="check_text"),
    path("zodynas/", checks.dictionary, name="dictionary"),
    path("zodynas/naujas/", checks.dictionary_add, name="dictionary_add"),
    path("zodynas/<int:pk>/salinti/", checks.dictionary_delete, name="dictionary_delete"),
]

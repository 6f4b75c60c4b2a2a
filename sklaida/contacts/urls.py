from django.urls import path

from sklaida.contacts import views

app_name = "contacts"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("eksportas.<str:file_format>", views.person_export, name="person_export"),
    path("asmenys/naujas/", views.person_form, name="person_create"),
    path("asmenys/<int:pk>/", views.person_detail, name="person_detail"),
    path("asmenys/<int:pk>/redaguoti/", views.person_form, name="person_update"),
    path("asmenys/<int:pk>/pareigos/", views.person_add_membership, name="person_add_membership"),
    path("asmenys/<int:pk>/i-sarasa/", views.person_add_to_list, name="person_add_to_list"),
    path("asmenys/<int:pk>/anonimizuoti/", views.person_anonymise, name="person_anonymise"),
    path("asmens-duomenys/", views.personal_data, name="personal_data"),
    path("organizacijos/", views.organisation_list, name="organisation_list"),
    path("organizacijos/nauja/", views.organisation_form, name="organisation_create"),
    path("organizacijos/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organizacijos/<int:pk>/redaguoti/", views.organisation_form, name="organisation_update"),
    path("bendravimas/naujas/", views.interaction_form, name="interaction_create"),
    path("bendravimas/<int:pk>/", views.interaction_form, name="interaction_update"),
    path("sutartys/", views.agreement_list, name="agreement_list"),
    path("sutartys/nauja/", views.agreement_form, name="agreement_create"),
    path("sutartys/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("sutartys/<int:pk>/redaguoti/", views.agreement_form, name="agreement_update"),
    path("sarasai/", views.list_index, name="list_index"),
    path("sarasai/naujas/", views.list_form, name="list_create"),
    path("sarasai/is-paieskos/", views.list_save_search, name="list_save_search"),
    path("sarasai/<int:pk>/", views.list_detail, name="list_detail"),
    path("sarasai/<int:pk>/redaguoti/", views.list_form, name="list_update"),
    path(
        "sarasai/<int:pk>/salinti/<int:person_pk>/",
        views.list_remove_person,
        name="list_remove_person",
    ),
    path("dublikatai/", views.duplicate_list, name="duplicate_list"),
    path("dublikatai/<int:pk>/", views.duplicate_merge, name="duplicate_merge"),
    path("importas/", views.import_upload, name="import_upload"),
    path("importas/<int:pk>/stulpeliai/", views.import_mapping, name="import_mapping"),
    path("importas/<int:pk>/", views.import_detail, name="import_detail"),
    path("importas/<int:pk>/importuoti/", views.import_apply, name="import_apply"),
]

from django.urls import path

from sklaida.consultations import views

app_name = "consultations"

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("prasymas/", views.consultation_request, name="request"),
    path("nauja/", views.consultation_record, name="create"),
    path("ataskaita/", views.consultation_report, name="report"),
    path("<int:pk>/", views.consultation_detail, name="detail"),
    path("<int:pk>/planuoti/", views.consultation_schedule, name="schedule"),
    path("<int:pk>/irasyti/", views.consultation_record, name="record"),
    path("<int:pk>/atsaukti/", views.consultation_cancel, name="cancel"),
]

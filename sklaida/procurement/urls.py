from django.urls import path

from sklaida.procurement.views import contracts, plans, requests

app_name = "procurement"

urlpatterns = [
    # Purchase requests (5.2), each with its survey and documents.
    path("", requests.request_list, name="request_list"),
    path("paraiskos/nauja/", requests.request_create, name="request_create"),
    path("paraiskos/<int:pk>/", requests.request_detail, name="request_detail"),
    path("paraiskos/<int:pk>/keisti/", requests.request_edit, name="request_edit"),
    path("paraiskos/<int:pk>/perkelti/", requests.request_move, name="request_move"),
    path("paraiskos/<int:pk>/apklausa/", requests.survey_edit, name="survey_edit"),
    path(
        "paraiskos/<int:pk>/dokumentai/<str:kind>/generuoti/",
        requests.document_generate,
        name="document_generate",
    ),
    path("paraiskos/<int:pk>/dokumentai/ikelti/", requests.document_upload, name="document_upload"),
    path(
        "paraiskos/<int:pk>/dokumentai/versijos/<int:version_pk>/",
        requests.document_download,
        name="document_download",
    ),
    path(
        "is-pasiulymo/<int:proposal_pk>/",
        requests.request_from_proposal,
        name="request_from_proposal",
    ),
    # The annual plan and the summary published by 15 March.
    path("planai/", plans.plan_list, name="plan_list"),
    path("planai/naujas/", plans.plan_create, name="plan_create"),
    path("planai/<int:year>/", plans.plan_detail, name="plan_detail"),
    path("planai/<int:year>/keisti/", plans.plan_edit, name="plan_edit"),
    path("planai/<int:year>/suvestine.xlsx", plans.plan_summary, name="plan_summary"),
    path("planai/<int:year>/paskelbta/", plans.plan_published, name="plan_published"),
    path("planai/<int:year>/eilutes/nauja/", plans.plan_line_create, name="plan_line_create"),
    path("planai/<int:year>/eilutes/<int:pk>/", plans.plan_line_edit, name="plan_line_edit"),
    path(
        "planai/<int:year>/eilutes/<int:pk>/salinti/",
        plans.plan_line_delete,
        name="plan_line_delete",
    ),
    path("ribos/", plans.threshold_list, name="threshold_list"),
    # The contracts register.
    path("sutartys/", contracts.contract_list, name="contract_list"),
    path("sutartys/nauja/", contracts.contract_create, name="contract_create"),
    path("sutartys/<int:pk>/", contracts.contract_detail, name="contract_detail"),
    path("sutartys/<int:pk>/keisti/", contracts.contract_edit, name="contract_edit"),
]

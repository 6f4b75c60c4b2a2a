from django.urls import path

from sklaida.design.views import kits, layouts, requests, spaces

app_name = "design"

urlpatterns = [
    # Design requests (4.1–4.4): the board, the list, a request with its proofs.
    path("", requests.board, name="board"),
    path("uzsakymai/", requests.request_list, name="request_list"),
    path("uzsakymai/naujas/", requests.request_create, name="request_create"),
    path("uzsakymai/kruvis/", requests.designer_load, name="designer_load"),
    path("uzsakymai/<int:pk>/", requests.request_detail, name="request_detail"),
    path("uzsakymai/<int:pk>/keisti/", requests.request_edit, name="request_edit"),
    path("uzsakymai/<int:pk>/perkelti/", requests.request_move, name="request_move"),
    path("uzsakymai/<int:pk>/maketas/", requests.proof_upload, name="proof_upload"),
    path(
        "uzsakymai/<int:pk>/maketai/<int:number>/komentaras/",
        requests.proof_comment,
        name="proof_comment",
    ),
    path(
        "uzsakymai/<int:pk>/maketai/<int:number>/<str:part>/",
        requests.proof_file,
        name="proof_file",
    ),
    # Generated layouts (4.2, 4.3) from the request's event and the current kit.
    path("uzsakymai/<int:pk>/generuoti/", layouts.generate, name="generate"),
    path("uzsakymai/<int:pk>/generuoti/<str:kind>/", layouts.download, name="generated_download"),
    # The brand kit (4.1).
    path("stilius/", kits.kit_list, name="kit_list"),
    path("stilius/nauja-versija/", kits.kit_create, name="kit_create"),
    path("stilius/<int:pk>/", kits.kit_detail, name="kit_detail"),
    path("stilius/<int:pk>/keisti/", kits.kit_edit, name="kit_edit"),
    path("stilius/<int:pk>/dabartinis/", kits.kit_make_current, name="kit_make_current"),
    path("stilius/<int:pk>/<str:part>/naujas/", kits.kit_part_add, name="kit_part_add"),
    path(
        "stilius/<int:pk>/<str:part>/<int:part_pk>/salinti/",
        kits.kit_part_delete,
        name="kit_part_delete",
    ),
    path("stilius/<int:pk>/failai/<str:part>/<int:part_pk>/", kits.kit_file, name="kit_file"),
    # Space projects (4.4).
    path("erdves/", spaces.project_list, name="space_project_list"),
    path("erdves/naujas/", spaces.project_create, name="space_project_create"),
    path("erdves/<int:pk>/", spaces.project_detail, name="space_project_detail"),
    path("erdves/<int:pk>/keisti/", spaces.project_edit, name="space_project_edit"),
    path("erdves/<int:pk>/elementai/naujas/", spaces.item_create, name="space_item_create"),
    path(
        "erdves/<int:pk>/elementai/<int:item_pk>/keisti/", spaces.item_edit, name="space_item_edit"
    ),
    path("erdves/<int:pk>/nuotraukos/", spaces.photos_upload, name="space_project_photos"),
]

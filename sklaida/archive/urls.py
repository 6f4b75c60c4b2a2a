from django.urls import path

from sklaida.archive.views import assets, selection, uploads

app_name = "archive"

urlpatterns: list = [
    # Assets, upload, selection (views/assets.py, views/uploads.py, views/selection.py)
    path("", assets.asset_list, name="list"),
    path("<int:pk>/", assets.asset_detail, name="detail"),
    path("<int:pk>/redaguoti/", assets.asset_edit, name="edit"),
    path("<int:pk>/perziura/<slug:name>/", assets.rendition, name="rendition"),
    path("<int:pk>/originalas/", assets.original, name="original"),
    path("<int:pk>/palyginti/", selection.compare, name="compare"),
    path("<int:pk>/atranka/", selection.review_asset, name="review_asset"),
    path("atranka/", selection.review, name="review"),
    path("keisti/", assets.bulk_edit, name="bulk_edit"),
    path("perdaryti-perziuras/", assets.regenerate, name="regenerate"),
    path("ikelti/", uploads.batch_create, name="batch_create"),
    path("paketai/<int:pk>/", uploads.batch_detail, name="batch"),
    path("paketai/<int:pk>/failai/", uploads.batch_upload, name="batch_upload"),
    path("paketai/<int:pk>/tus/", uploads.tus_create, name="tus_create"),
    path("ikelimai/<slug:key>/", uploads.tus_upload, name="tus_upload"),
    # Collections, share links, ZIP and BagIt (views/collections.py)
    # Preservation (views/preservation.py)
    # Broadcasts (views/broadcasts.py)
    # Equipment and proposals (views/equipment.py)
]

# Broadcasts (3.1) and equipment with its bookings and improvement proposals (3.3).
from django.urls import path  # noqa: E402

from sklaida.archive.views import broadcasts, equipment  # noqa: E402

urlpatterns += [
    path("transliacijos/", broadcasts.broadcast_list, name="broadcast_list"),
    path("transliacijos/nauja/", broadcasts.broadcast_form, name="broadcast_create"),
    path("transliacijos/<int:pk>/", broadcasts.broadcast_detail, name="broadcast_detail"),
    path("transliacijos/<int:pk>/keisti/", broadcasts.broadcast_form, name="broadcast_update"),
    path("transliacijos/<int:pk>/pasalinti/", broadcasts.broadcast_delete, name="broadcast_delete"),
    path("iranga/", equipment.equipment_list, name="equipment_list"),
    path("iranga/iranga.xlsx", equipment.equipment_export, name="equipment_export"),
    path("iranga/nauja/", equipment.equipment_form, name="equipment_create"),
    path("iranga/<int:pk>/", equipment.equipment_detail, name="equipment_detail"),
    path("iranga/<int:pk>/keisti/", equipment.equipment_form, name="equipment_update"),
    path("iranga/<int:pk>/rezervuoti/", equipment.equipment_book, name="equipment_book"),
    path(
        "iranga/rezervacijos/<int:pk>/atsaukti/",
        equipment.booking_cancel,
        name="equipment_booking_cancel",
    ),
    path("pasiulymai/", equipment.proposal_list, name="proposal_list"),
    path("pasiulymai/naujas/", equipment.proposal_form, name="proposal_create"),
    path("pasiulymai/<int:pk>/", equipment.proposal_detail, name="proposal_detail"),
    path("pasiulymai/<int:pk>/keisti/", equipment.proposal_form, name="proposal_update"),
    path(
        "pasiulymai/<int:pk>/pateikti/",
        equipment.proposal_transition,
        {"action": "submit"},
        name="proposal_submit",
    ),
    path(
        "pasiulymai/<int:pk>/pritarti/",
        equipment.proposal_transition,
        {"action": "approve"},
        name="proposal_approve",
    ),
    path(
        "pasiulymai/<int:pk>/atmesti/",
        equipment.proposal_transition,
        {"action": "reject"},
        name="proposal_reject",
    ),
    path(
        "pasiulymai/<int:pk>/perduoti-pirkimams/",
        equipment.proposal_transition,
        {"action": "pass_to_procurement"},
        name="proposal_to_procurement",
    ),
]

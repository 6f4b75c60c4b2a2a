from django.urls import path

from sklaida.archive.views import collections, preservation

app_name = "archive"

urlpatterns: list = [
    # Assets, upload, selection (views/assets.py, views/uploads.py, views/selection.py)
    # Collections, share links, ZIP and BagIt (views/collections.py)
    path("rinkiniai/", collections.collection_list, name="collection_list"),
    path("rinkiniai/naujas/", collections.collection_form, name="collection_create"),
    path("rinkiniai/<int:pk>/", collections.collection_detail, name="collection_detail"),
    path("rinkiniai/<int:pk>/keisti/", collections.collection_form, name="collection_edit"),
    path("rinkiniai/<int:pk>/prideti/", collections.collection_add, name="collection_add"),
    path("rinkiniai/<int:pk>/isimti/", collections.collection_remove, name="collection_remove"),
    path("rinkiniai/<int:pk>/perkelti/", collections.collection_move, name="collection_move"),
    path("rinkiniai/<int:pk>/zip/", collections.collection_zip, name="collection_zip"),
    path("rinkiniai/<int:pk>/bagit/", collections.bag_export_create, name="bag_export_create"),
    path("rinkiniai/<int:pk>/nuorodos/", collections.share_link_create, name="share_link_create"),
    path("zip/", collections.assets_zip, name="assets_zip"),
    path("bagit/<int:pk>/", collections.bag_export_status, name="bag_export_status"),
    path("bagit/<int:pk>/atsisiusti/", collections.bag_export_download, name="bag_export_download"),
    path("nuorodos/<int:pk>/atsaukti/", collections.share_link_revoke, name="share_link_revoke"),
    path("bendrinti/<str:token>/", collections.shared_collection, name="shared_collection"),
    path("bendrinti/<str:token>/zip/", collections.shared_zip, name="shared_zip"),
    path(
        "bendrinti/<str:token>/<int:asset>/<str:name>/",
        collections.shared_rendition,
        name="shared_rendition",
    ),
    # Preservation (views/preservation.py)
    path("saugojimas/", preservation.fixity_list, name="fixity_list"),
    path("saugojimas/tikrinti/", preservation.fixity_start, name="fixity_start"),
    path("saugojimas/<int:pk>/", preservation.fixity_detail, name="fixity_detail"),
    # Broadcasts (views/broadcasts.py)
    # Equipment and proposals (views/equipment.py)
]

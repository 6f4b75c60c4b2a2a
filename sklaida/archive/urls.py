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

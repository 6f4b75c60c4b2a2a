app_name = "archive"

urlpatterns: list = [
    # Assets, upload, selection (views/assets.py, views/uploads.py, views/selection.py)
    # Collections, share links, ZIP and BagIt (views/collections.py)
    # Preservation (views/preservation.py)
    # Broadcasts (views/broadcasts.py)
    # Equipment and proposals (views/equipment.py)
]

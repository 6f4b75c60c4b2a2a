"""The archive's demo: generated camera photos at the demo events, described, picked and
partly published, with public galleries (`manage.py demo` makes 240 of them)."""

from sklaida.archive.models import Asset, Collection
from sklaida.core import demo


def test_the_demo_fills_the_archive_with_photos_of_its_events(
    personas, settings, django_capture_on_commit_callbacks
):
    settings.DEMO_ARCHIVE_PHOTOS = 24

    with django_capture_on_commit_callbacks(execute=True):
        demo.load_demo()

    photos = Asset.objects.all()
    assert photos.count() == 24
    assert not photos.filter(event=None).exists()
    assert set(photos.values_list("creator_name", flat=True)) == {"Rūta Petraitytė"}
    assert not photos.filter(camera="").exists()
    assert set(photos.values_list("rendition_status", flat=True)) == {"ready"}
    # Shots 2, 7 and 12 of each event repeat the one before, as a camera's burst does.
    assert photos.exclude(near_duplicate_of=None).count() == 6
    public = photos.filter(access=Asset.Access.PUBLIC)
    assert public.exists()
    assert not public.exclude(consent=Asset.Consent.NOT_NEEDED).exists()
    gallery = Collection.objects.get(is_public=True)
    assert gallery.assets.filter(access=Asset.Access.PUBLIC).exists()

    demo.load_demo()
    assert Asset.objects.count() == 24  # loading again adds nothing

"""Factories for the media archive."""

from __future__ import annotations

import hashlib

import factory

from sklaida.archive.models import Asset
from sklaida.core.search import index


def fake_sha256(n: int) -> str:
    return hashlib.sha256(f"sklaida-test-asset-{n}".encode()).hexdigest()


class AssetFactory(factory.django.DjangoModelFactory):
    """An asset row whose original is not written anywhere (a test that reads the file
    stores one itself). `AssetFactory(keywords=[...], people=[...])` links those; the
    search index is filled after, so the asset can be found as a saved one would."""

    class Meta:
        model = Asset
        skip_postgeneration_save = True

    sha256 = factory.Sequence(fake_sha256)
    file = factory.LazyAttribute(
        lambda asset: f"archive/originals/{asset.sha256[:2]}/{asset.sha256[2:4]}/{asset.sha256}.jpg"
    )
    size = 1
    mime_type = "image/jpeg"
    kind = Asset.Kind.IMAGE
    original_name = factory.Sequence(lambda n: f"IMG_{n:04d}.jpg")
    title = factory.Sequence(lambda n: f"Nuotrauka Nr. {n}")

    @factory.post_generation
    def keywords(asset, create, extracted, **kwargs):
        if create and extracted:
            asset.keywords.add(*extracted)

    @factory.post_generation
    def people(asset, create, extracted, **kwargs):
        if create and extracted:
            asset.people.set(extracted)

    @factory.post_generation
    def search_index(asset, create, extracted, **kwargs):
        # Declared last, so that it sees the keywords and people above.
        if create:
            index(asset)

"""Demo data of the media archive: a few hundred generated photos with camera EXIF at the
demo events, some picked, rated and described, and public galleries of them."""

from __future__ import annotations

import datetime
import random
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from sklaida.archive.models import Asset, Collection, CollectionItem
from sklaida.archive.services import ingest
from sklaida.core import demo, search
from sklaida.events.models import Event

PHOTOS_PER_EVENT = 12
# How many announced events get a picture from the archive.
ILLUSTRATED_EVENTS = 3
CAMERAS = [("Canon", "EOS R6"), ("Nikon", "Z 6II"), ("Sony", "ILCE-7M3")]
PHOTOGRAPHER = "Rūta Petraitytė"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
KEYWORDS = ["renginys", "biblioteka", "skaitytojai", "susitikimas", "paroda", "vaikai"]


def demo_photo(
    path: Path,
    *,
    caption: str,
    taken: datetime.datetime,
    rng: random.Random,
    size: tuple[int, int] = (1600, 1067),
    base: Image.Image | None = None,
) -> Image.Image:
    """Write a JPEG that looks like a camera's: a picture, Make/Model/date/author in EXIF.

    `base` makes a burst shot: the same picture, slightly changed (a near-duplicate).
    """
    if base is None:
        top = tuple(rng.randrange(40, 220) for _ in range(3))
        image = Image.linear_gradient("L").resize(size).convert("RGB")
        image = Image.blend(image, Image.new("RGB", size, top), 0.6)
        draw = ImageDraw.Draw(image)
        for _ in range(7):
            x, y = rng.randrange(size[0]), rng.randrange(size[1])
            radius = rng.randrange(60, 260)
            colour = tuple(rng.randrange(256) for _ in range(3))
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
        font = ImageFont.truetype(FONT, 56)
        draw.text((60, size[1] - 140), caption[:40], fill="white", font=font)
    else:
        image = base.point(lambda value: min(255, value + 6))
    make, model = CAMERAS[rng.randrange(len(CAMERAS))]
    exif = Image.Exif()
    exif[0x010F] = make
    exif[0x0110] = model
    # Cameras and editors write names as UTF-8 into these ASCII fields.
    exif[0x013B] = PHOTOGRAPHER.encode()
    exif[0x8298] = demo.COUNTY_LIBRARY.encode()
    details = exif.get_ifd(0x8769)
    local = timezone.localtime(taken)
    details[0x9003] = local.strftime("%Y:%m:%d %H:%M:%S")
    details[0x9011] = local.strftime("%z")[:3] + ":" + local.strftime("%z")[3:]
    image.save(path, "JPEG", quality=85, exif=exif.tobytes())
    return image


def load(world: demo.DemoWorld) -> None:
    try:
        from sklaida.archive.demo_equipment import load_equipment_demo
    except ImportError:
        pass
    else:
        load_equipment_demo(today=world.today, rng=random.Random(3))  # noqa: S311 - demo data
    count = settings.DEMO_ARCHIVE_PHOTOS
    if count <= 0 or Asset.objects.exists():
        return
    rng = random.Random(2027)  # noqa: S311 - repeatable demo data, not security
    photographer = world.users["specialiste"]
    events = list(
        Event.objects.filter(
            status__in=[Event.Status.HELD, Event.Status.REPORTED],
            starts_at__date__lt=world.today,
        ).order_by("-starts_at")[: max(1, count // PHOTOS_PER_EVENT)]
    )
    galleries = []
    with tempfile.TemporaryDirectory(prefix="sklaida-demo-photos-") as folder:
        made = 0
        for number, event in enumerate(events):
            batch = ingest.start_batch(
                actor=photographer, event=event, label=f"{event.title} – nuotraukos"
            )
            assets, base = [], None
            for shot in range(min(PHOTOS_PER_EVENT, count - made)):
                taken = event.starts_at + datetime.timedelta(minutes=5 + shot * 6)
                path = Path(folder) / f"IMG_{number:03d}{shot:02d}.JPG"
                burst = shot % 5 == 1  # every fifth shot repeats the one before it
                image = demo_photo(
                    path, caption=event.title, taken=taken, rng=rng, base=base if burst else None
                )
                base = image
                item = ingest.ingest_path(path, batch=batch, actor=photographer)
                if item.asset is not None:
                    assets.append(item.asset)
                made += 1
            _describe(assets, event=event, rng=rng, older=number % 2 == 0)
            if number % 4 == 0 and assets:
                galleries.append((event, assets))
    for event, assets in galleries:
        collection = Collection.objects.create(
            title=event.title,
            description=f"Nuotraukos iš renginio „{event.title}“.",
            event=event,
            is_public=True,
            created_by=photographer,
        )
        CollectionItem.objects.bulk_create(
            [
                CollectionItem(collection=collection, asset=asset, position=position)
                for position, asset in enumerate(assets)
            ]
        )
    _illustrate_announced_events(world, actor=world.users["vadove"])


def _illustrate_announced_events(world: demo.DemoWorld, *, actor) -> None:
    """A few announced public events wear a public photo of an earlier evening on their
    pages and cards (the calendar looks lived-in); a photo the service refuses is skipped."""
    from django.core.exceptions import ValidationError

    from sklaida.archive.services.illustrations import choose_illustration

    photos = list(
        Asset.objects.filter(access=Asset.Access.PUBLIC, kind=Asset.Kind.IMAGE)
        .select_related("event")
        .order_by("-captured_at", "pk")[:ILLUSTRATED_EVENTS]
    )
    upcoming = Event.objects.filter(
        is_public=True, status=Event.Status.ANNOUNCED, starts_at__date__gte=world.today
    ).order_by("starts_at", "pk")[:ILLUSTRATED_EVENTS]
    for event, asset in zip(upcoming, photos, strict=False):
        earlier = asset.event.title if asset.event else event.title
        try:
            choose_illustration(
                actor=actor,
                asset=asset,
                alt_text=f"Renginio „{earlier}“ akimirka bibliotekos salėje",
                event=event,
            )
        except ValidationError:
            continue


def _describe(assets: list[Asset], *, event: Event, rng: random.Random, older: bool) -> None:
    """What a photographer does after an evening: picks, rates, opens the best to all."""
    for position, asset in enumerate(assets):
        asset.title = f"{event.title} ({position + 1})"
        asset.keywords.add(*rng.sample(KEYWORDS, 2))
        if older:
            asset.selection = rng.choice(
                [Asset.Selection.SELECTED, Asset.Selection.SELECTED, Asset.Selection.REJECTED]
            )
            asset.rating = rng.randrange(2, 6) if asset.selection == "selected" else 0
        if position % 3 == 0:
            # Room views without recognisable people may be published.
            asset.consent = Asset.Consent.NOT_NEEDED
            asset.licence = Asset.Licence.CC_BY
            asset.access = Asset.Access.PUBLIC
        asset.save()
        search.index(asset)


demo.register("archive", load)

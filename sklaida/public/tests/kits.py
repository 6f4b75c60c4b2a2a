"""Brand kits for the public pages' tests: a current kit with a logo, colours and a font
copied from a Debian package's font (no download), or without any part."""

from __future__ import annotations

from pathlib import Path

from django.core.files.base import ContentFile
from django.db.models import Max
from django.utils import timezone

from sklaida.design.models import BrandKit, KitColour, KitFont, KitLogo

# DejaVu Sans comes with fontconfig on every Debian; the tests skip fonts without it.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
PLUM = "#7A1F5C"
LOGO_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60" viewBox="0 0 240 60">'
    b'<rect width="240" height="60" fill="#7A1F5C"/>'
    b'<text x="12" y="40" font-size="28" fill="#FFFFFF">Biblioteka</text></svg>'
)


def kit(
    version: int | None = None,
    *,
    current: bool = True,
    primary: str = PLUM,
    logo: bool = True,
    font: Path | None = DEJAVU,
    family: str = "Kit Sans",
) -> BrandKit:
    """A brand kit with a primary colour, an SVG logo for light backgrounds and a font
    used for headings and text (what exists of them)."""
    if version is None:
        version = (BrandKit.objects.aggregate(Max("version"))["version__max"] or 0) + 1
    if current:
        BrandKit.objects.filter(is_current=True).update(is_current=False)
    brand_kit = BrandKit.objects.create(
        version=version,
        name=f"Vizualinis identitetas {version}",
        is_current=current,
        made_current_at=timezone.now() if current else None,
    )
    if primary:
        KitColour.objects.create(
            kit=brand_kit, name="Slyvų", hex=primary, role=KitColour.Role.PRIMARY
        )
    KitColour.objects.create(kit=brand_kit, name="Smėlio", hex="#E9DCC9", role="background")
    if logo:
        part = KitLogo(kit=brand_kit, name="Pagrindinis", media_type="image/svg+xml")
        part.file.save("logotipas.svg", ContentFile(LOGO_SVG), save=False)
        part.save()
    if font is not None and font.exists():
        part = KitFont(kit=brand_kit, family=family, licence="Bitstream Vera / public domain")
        part.file.save(font.name, ContentFile(font.read_bytes()), save=False)
        part.save()
    return brand_kit

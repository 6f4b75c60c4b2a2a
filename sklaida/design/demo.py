"""Demo design work: the Library's brand kit (a former and a current version), a dozen
design requests across the board with proofs and comments, and space projects."""

from __future__ import annotations

import datetime
from pathlib import Path

import pyvips
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from sklaida.core import demo
from sklaida.core.models import User
from sklaida.design import files, kits, services
from sklaida.design.demo_spaces import load_space_projects
from sklaida.design.models import (
    BrandKit,
    DesignRequest,
    KitColour,
    KitFont,
    KitLogo,
    KitTemplate,
    RequestFormat,
)
from sklaida.events.models import Event

S, P = DesignRequest.Status, DesignRequest.Product
FONTS = Path(__file__).resolve().parent / "fonts"

RULES = """Logotipas visada naudojamas su apsaugine erdve, ne mažesne nei raidės „Š“ aukštis.
Mažiausias logotipo plotis spaudoje – 25 mm, ekrane – 120 px.
Logotipo negalima tempti, pasukti, perdažyti ar dėti ant margo fono be šviesaus pagrindo.
Antraštės rašomos pusjuodžiu šriftu, tekstas – įprastu;
didžiosiomis raidėmis rašomos tik trumpos antraštės.
Tekstui naudojamos tik spalvos, kurių kontrastas baltame fone ne mažesnis nei 4,5:1."""

COLOURS = [
    # name, hex, role, for text, CMYK, Pantone
    ("Bibliotekos mėlyna", "#1F4E79", KitColour.Role.PRIMARY, True, "100, 60, 0, 40", "7687 C"),
    ("Gintarinė", "#F2A900", KitColour.Role.ACCENT, False, "0, 30, 100, 5", "130 C"),
    ("Grafitas", "#212529", KitColour.Role.TEXT, True, "0, 0, 0, 90", ""),
    ("Popierius", "#FFFFFF", KitColour.Role.BACKGROUND, False, "0, 0, 0, 0", ""),
    ("Šviesi mėlyna", "#DCE8F3", KitColour.Role.OTHER, False, "14, 4, 0, 5", ""),
]
FORMER_COLOURS = [
    ("Senoji žalia", "#2E6B3F", KitColour.Role.PRIMARY, True, "75, 20, 90, 30", ""),
    ("Smėlio", "#E9DCC0", KitColour.Role.BACKGROUND, False, "5, 10, 25, 0", ""),
]


def _logo_png(text: str, colour: str, *, dark: bool) -> bytes:
    """A simple word mark drawn by libvips (the demo has no designer's files)."""
    ink = "#FFFFFF" if dark else colour
    mark = pyvips.Image.text(
        f'<span foreground="{ink}"><b>{text}</b></span>', dpi=300, rgba=True, font="sans"
    )
    background = [33, 37, 41, 255] if dark else [255, 255, 255, 0]
    canvas = pyvips.Image.black(mark.width + 80, mark.height + 60, bands=4) + background
    canvas = canvas.cast("uchar").copy(interpretation="srgb")
    return canvas.composite2(mark, "over", x=40, y=30).pngsave_buffer()


def _add_parts(kit: BrandKit, colours: list, *, logo_colour: str) -> None:
    for position, (name, hex_colour, role, for_text, cmyk, pantone) in enumerate(colours):
        colour = KitColour(
            kit=kit,
            name=name,
            hex=hex_colour,
            role=role,
            for_text=for_text,
            cmyk=cmyk,
            pantone=pantone,
            position=position,
        )
        colour.full_clean()
        colour.save()
    for position, (name, background) in enumerate(
        [("Logotipas šviesiam fonui", "light"), ("Logotipas tamsiam fonui", "dark")]
    ):
        logo = KitLogo(kit=kit, name=name, background=background, position=position)
        data = _logo_png("ŠAVB", logo_colour, dark=background == "dark")
        logo.file.save(f"logotipas-{background}.png", ContentFile(data), save=False)
        logo.media_type = "image/png"
        logo.save()
    for path in sorted(FONTS.glob("OpenSans-*.ttf")):
        style = KitFont.Style.BOLD if "Bold" in path.stem else KitFont.Style.REGULAR
        font = KitFont(
            kit=kit,
            family="Open Sans",
            style=style,
            role=KitFont.Role.BOTH,
            licence="Apache License 2.0",
            licence_note="Galima naudoti internete, spaudai ir įterpti į PDF.",
        )
        font.file.save(path.name, ContentFile(path.read_bytes()), save=False)
        font.save()


def _kits(head: User, specialist: User) -> None:
    if BrandKit.objects.exists():
        return
    former = kits.new_version(actor=specialist, name="Bibliotekos stilius 2019")
    former.usage_rules = "Ankstesnis bibliotekos stilius (2019–2025 m.)."
    former.save()
    _add_parts(former, FORMER_COLOURS, logo_colour="#2E6B3F")
    kits.make_current(actor=head, kit=former)
    current = kits.new_version(actor=specialist, name="Bibliotekos stilius 2026", usage_rules=RULES)
    # The new version starts as a copy of the former; its colours and logos are new.
    current.colours.all().delete()
    current.logos.all().delete()
    current.fonts.all().delete()
    _add_parts(current, COLOURS, logo_colour="#1F4E79")
    for position, (name, layout, description) in enumerate(
        [
            (
                "Renginio plakatas su nuotrauka",
                "image-top",
                "Nuotrauka viršuje, pavadinimas ir data po ja.",
            ),
            ("Plakatas be nuotraukos", "text-only", "Kai renginio nuotraukos dar nėra."),
        ]
    ):
        KitTemplate.objects.create(
            kit=current, name=name, layout=layout, description=description, position=position
        )
    kits.make_current(actor=head, kit=current)


def _proof_png(title: str, number: int, colour: str) -> files.CheckedFile:
    text = pyvips.Image.text(
        f'<span foreground="#FFFFFF"><b>{title}</b>\nMaketas {number}</span>',
        width=900,
        dpi=150,
        rgba=True,
        font="sans",
    )
    background = pyvips.Image.black(1080, 1350, bands=3) + [
        int(colour[i : i + 2], 16) for i in (1, 3, 5)
    ]
    background = background.cast("uchar").bandjoin(255).copy(interpretation="srgb")
    picture = background.composite2(text, "over", x=90, y=200)
    data = picture.flatten().cast("uchar").pngsave_buffer()
    return files.CheckedFile(f"maketas-{number}.png", "image/png", data, files.preview_png(data))


# title, product, days until the deadline, priority, status, proofs, comment on the last proof
REQUESTS = [
    ("Bibliotekos naujų skaitytojų lankstinukas", P.LEAFLET, 12, 2, S.REQUESTED, 0, ""),
    ("Kalėdinio renginių ciklo baneris svetainei", P.WEB_BANNER, 6, 3, S.ACCEPTED, 0, ""),
    ("Vaikų erdvės nuorodos ir ženklai", P.SIGNAGE, 20, 2, S.IN_PROGRESS, 0, ""),
    (
        "Metų knygos rinkimų kvietimas",
        P.INVITATION,
        4,
        3,
        S.PROOF,
        2,
        "Datą padidinkite, o logotipą perkelkite į apačią.",
    ),
    (
        "Kraštotyros parodos stendai",
        P.EXHIBITION_PANEL,
        9,
        2,
        S.CHANGES,
        1,
        "Trūksta rėmėjų logotipų ir parodos kuratorės pavardės.",
    ),
    (
        "Skaitymo iššūkio socialinių tinklų vaizdai",
        P.SOCIAL_IMAGE,
        2,
        4,
        S.APPROVED,
        2,
        "Puiku, tvirtinu.",
    ),
    (
        "Bibliotekos darbo laiko švenčių metu skelbimas",
        P.POSTER,
        -10,
        2,
        S.DELIVERED,
        1,
        "Tinka, spausdinkite.",
    ),
]


def _requests(today: datetime.date, head: User, specialist: User, designer: User) -> None:
    if DesignRequest.objects.filter(provision_item__isnull=True).exists():
        return
    events = list(
        Event.objects.filter(starts_at__date__gte=today).order_by("starts_at")[: len(REQUESTS)]
    )
    for number, (title, product, days, priority, status, proofs, comment) in enumerate(REQUESTS):
        request = DesignRequest(
            title=title,
            product=product,
            brief=f"{title}. Tekstas pateiktas priede; naudoti 2026 m. stilių.",
            deadline=today + datetime.timedelta(days=days),
            priority=priority,
            requester=specialist if number % 2 else head,
            designer=None if status == S.REQUESTED else (designer if number % 3 else specialist),
            event=events[number] if number < len(events) and product != P.SIGNAGE else None,
            quantity=200 if product in (P.LEAFLET, P.INVITATION) else None,
        )
        services.create_request(
            actor=request.requester, request=request, formats=services.default_formats(product)
        )
        if product == P.SIGNAGE:
            RequestFormat.objects.create(
                request=request, paper=RequestFormat.Paper.CUSTOM_MM, width=300, height=120
            )
        _walk(request, status, proofs, comment)
    # Requests the events' visual provision items made: one accepted, the rest wait.
    auto = DesignRequest.objects.filter(provision_item__isnull=False, status=S.REQUESTED).first()
    if auto is not None:
        services.move(actor=designer, request=auto, to_status=S.ACCEPTED)


def _walk(request: DesignRequest, status: str, proofs: int, comment: str) -> None:
    """Take a request along the board to `status` as its people would.

    Approving files the proof in the media archive; a demo without archive photos (the
    tests') keeps its archive empty, so its approved requests wait at "proof"."""
    if settings.DEMO_ARCHIVE_PHOTOS <= 0 and status in (S.APPROVED, S.DELIVERED):
        status = S.PROOF
    designer, requester = request.designer, request.requester
    if status == S.REQUESTED:
        return
    request = services.move(actor=designer, request=request, to_status=S.ACCEPTED)
    if status == S.ACCEPTED:
        return
    request = services.move(actor=designer, request=request, to_status=S.IN_PROGRESS)
    for number in range(1, proofs + 1):
        request.refresh_from_db()
        proof = services.add_proof(
            actor=designer,
            request=request,
            checked=_proof_png(request.title, number, "#1F4E79" if number > 1 else "#5B6770"),
            note="" if number == 1 else "Pataisyta pagal pastabas.",
        )
        request.refresh_from_db()
        if number < proofs:
            services.comment_on_proof(
                actor=requester,
                proof=proof,
                body="Pavadinimą padidinkite, spalvas – pagal naująjį stilių.",
            )
            request = services.move(actor=requester, request=request, to_status=S.CHANGES)
        elif comment:
            services.comment_on_proof(actor=requester, proof=proof, body=comment)
    request.refresh_from_db()
    if status == S.CHANGES:
        services.move(actor=requester, request=request, to_status=S.CHANGES)
    elif status in (S.APPROVED, S.DELIVERED):
        services.move(actor=requester, request=request, to_status=S.APPROVED)
        if status == S.DELIVERED:
            request.refresh_from_db()
            services.move(actor=designer, request=request, to_status=S.DELIVERED)


def load(world: demo.DemoWorld) -> None:
    head, specialist = world.users["vadove"], world.users["specialiste"]
    designer = world.users["dizainere"]
    _kits(head, specialist)
    _requests(world.today or timezone.localdate(), head, specialist, designer)
    load_space_projects(today=world.today)


demo.register("design", load)

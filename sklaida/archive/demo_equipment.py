"""Demo equipment of the department: the inventory, bookings, improvement proposals and the
live broadcasts of past demo events (called from the archive's demo loader)."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from auditlog.context import set_actor
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from sklaida.archive.models import Asset, Broadcast, Proposal
from sklaida.archive.services import broadcasts as broadcast_services
from sklaida.archive.services import equipment as services
from sklaida.core.bookings import find_conflicts
from sklaida.core.models import Booking, Equipment, Library, User
from sklaida.events.models import Event, EventType
from sklaida.events.services import events as event_services

K, C = Equipment.Kind, Equipment.Condition
STUDIO = "Fotostudija, 3 aukštas"
TECH_ROOM = "Techninė patalpa, 2 aukštas"
HALL = "Konferencijų salė"

# inventory number, name, type, condition, kept in, serial, bought (days ago), value, in use
INVENTORY = [
    (
        "FA-001",
        "Fotoaparatas Canon EOS R6 Mark II",
        K.CAMERA,
        C.GOOD,
        STUDIO,
        "083021004512",
        560,
        "2499.00",
        True,
    ),
    (
        "FA-002",
        "Fotoaparatas Nikon D750",
        K.CAMERA,
        C.WORN,
        STUDIO,
        "6023417",
        3720,
        "1350.00",
        True,
    ),
    ("VK-001", "Vaizdo kamera Sony FX30", K.CAMERA, C.NEW, STUDIO, "5100872", 290, "2150.00", True),
    (
        "OB-001",
        "Objektyvas Canon RF 24–70 mm f/2.8L",
        K.LENS,
        C.GOOD,
        STUDIO,
        "4410003921",
        560,
        "2399.00",
        True,
    ),
    (
        "OB-002",
        "Objektyvas Canon RF 70–200 mm f/4L",
        K.LENS,
        C.NEW,
        STUDIO,
        "3150002877",
        50,
        "1690.00",
        True,
    ),
    (
        "OB-003",
        "Objektyvas Nikon AF-S 50 mm f/1.8G",
        K.LENS,
        C.GOOD,
        STUDIO,
        "2716540",
        3720,
        "219.00",
        True,
    ),
    (
        "MK-001",
        "Belaidžių mikrofonų rinkinys Sennheiser EW-D",
        K.MICROPHONE,
        C.GOOD,
        HALL,
        "1320457",
        740,
        "1180.00",
        True,
    ),
    (
        "MK-002",
        "Kryptinis mikrofonas Rode NTG5",
        K.MICROPHONE,
        C.GOOD,
        TECH_ROOM,
        "NTG5-20411",
        290,
        "545.00",
        True,
    ),
    (
        "MK-003",
        "Segtukiniai mikrofonai Rode Wireless GO II",
        K.MICROPHONE,
        C.NEEDS_REPAIR,
        TECH_ROOM,
        "WGII-88213",
        1640,
        "329.00",
        False,
    ),
    (
        "TR-001",
        "Transliacijų pultas Blackmagic ATEM Mini Pro",
        K.STREAMING,
        C.GOOD,
        TECH_ROOM,
        "7843120",
        990,
        "649.00",
        True,
    ),
    (
        "TR-002",
        "Transliacijų kompiuteris Dell XPS 15",
        K.STREAMING,
        C.WORN,
        TECH_ROOM,
        "CN-0X9T4R",
        1910,
        "1890.00",
        True,
    ),
    (
        "SV-001",
        "LED šviestuvų komplektas Godox SL60W (2 vnt.)",
        K.LIGHTING,
        C.GOOD,
        STUDIO,
        "",
        2180,
        "379.00",
        True,
    ),
    (
        "SV-002",
        "Šviesos panelė Aputure Amaran 200x",
        K.LIGHTING,
        C.NEW,
        STUDIO,
        "A200X-77120",
        220,
        "459.00",
        True,
    ),
    (
        "PR-001",
        "Projektorius Epson EB-L520U",
        K.PROJECTION,
        C.GOOD,
        HALL,
        "X8KF2300418",
        450,
        "2890.00",
        True,
    ),
    (
        "PR-002",
        "Nešiojamas projektorius BenQ MW560",
        K.PROJECTION,
        C.WORN,
        TECH_ROOM,
        "PD7A01322",
        3600,
        "520.00",
        True,
    ),
    (
        "PR-003",
        "Projektorius Acer X1226H",
        K.PROJECTION,
        C.WRITTEN_OFF,
        TECH_ROOM,
        "JG-5120",
        5100,
        "380.00",
        False,
    ),
]
NOTES = {
    "FA-002": "Užrakto ciklų daugiau nei 150 tūkst.; naudoti kaip atsarginį.",
    "MK-003": "Vienas siųstuvas nebeįsikrauna; perduota taisyti.",
    "PR-002": "Lempa pakeista 2025 m.; ventiliatorius triukšmingas.",
    "PR-003": "Nurašytas: matricos gedimas, taisyti neapsimoka.",
}

# inventory number, purpose, day from today, from hour, hours (bookings made on the item's page)
BOOKINGS = [
    ("FA-001", "Fotografavimas Šiaulių knygų mugėje", 3, 10, 6),
    ("OB-002", "Fotografavimas Šiaulių knygų mugėje", 3, 10, 6),
    ("TR-001", "Seminaro teritorijos bibliotekoms transliacija", 8, 9, 5),
    ("MK-001", "Konferencija „Biblioteka ir bendruomenė“", -14, 9, 7),
    ("PR-002", "Mokymai Kuršėnų filiale", -6, 10, 4),
]
# Items booked for the coming hybrid events, as the event form books them.
EVENT_KIT = ["TR-001", "VK-001", "MK-002"]

# title, kind, justification, cost, replaces, status, decision
PROPOSALS = [
    (
        "Portretinis objektyvas Canon RF 85 mm f/2",
        Proposal.Kind.EQUIPMENT,
        "Renginių dalyvių ir svečių portretams dabar naudojame priartinimo objektyvą; "
        "šviesesnis fiksuoto židinio objektyvas leistų fotografuoti be blykstės.",
        "649.00",
        None,
        Proposal.Status.DRAFT,
        "",
    ),
    (
        "Nauji segtukiniai mikrofonai vietoj sugedusių Rode Wireless GO II",
        Proposal.Kind.EQUIPMENT,
        "Vienas komplekto siųstuvas nebeįsikrauna, taisymas kainuotų pusę naujo komplekto. "
        "Be segtukinių mikrofonų negalime įrašinėti interviu ir pokalbių.",
        "690.00",
        "MK-003",
        Proposal.Status.SUBMITTED,
        "",
    ),
    (
        "Lazerinis projektorius Edukacijų klasei",
        Proposal.Kind.EQUIPMENT,
        "Nešiojamo projektoriaus BenQ MW560 vaizdas šviesioje klasėje blankus, "
        "ventiliatorius triukšmauja per užsiėmimus.",
        "1450.00",
        "PR-002",
        Proposal.Status.APPROVED,
        "Pritariu; įtraukti į 2027 m. pirkimų planą.",
    ),
    (
        "Transliacijų kompiuterio atnaujinimas",
        Proposal.Kind.EQUIPMENT,
        "Kompiuteris nebespėja koduoti 1080p vaizdo dviem platformoms vienu metu; "
        "transliacijos stringa.",
        "2100.00",
        "TR-002",
        Proposal.Status.TO_PROCUREMENT,
        "Pritariu.",
    ),
    (
        "Dronas renginių fotografijai iš oro",
        Proposal.Kind.INNOVATION,
        "Vidinio kiemelio renginiams ir miesto šventėms nufotografuoti iš viršaus.",
        "1300.00",
        None,
        Proposal.Status.REJECTED,
        "Skrydžiams miesto centre reikia leidimų; kol kas nepirksime.",
    ),
]
# What the actions of each status are (the service's transitions, in order).
STEPS = {
    Proposal.Status.DRAFT: [],
    Proposal.Status.SUBMITTED: ["submit"],
    Proposal.Status.APPROVED: ["submit", "approve"],
    Proposal.Status.TO_PROCUREMENT: ["submit", "approve", "pass_to_procurement"],
    Proposal.Status.REJECTED: ["submit", "reject"],
}

BROADCAST_NOTES = [
    "Transliacija vyko be trikdžių.",
    "Pirmas 10 min. garsas buvo tylus.",
    "",
    "Įrašas paskelbtas bibliotekos YouTube kanale.",
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _inventory(county: Library, today: datetime.date) -> dict[str, Equipment]:
    items = {}
    for number, name, kind, condition, place, serial, days_ago, value, in_use in INVENTORY:
        items[number], _created = Equipment.objects.get_or_create(
            library=county,
            inventory_number=number,
            defaults={
                "name": name,
                "kind": kind,
                "condition": condition,
                "location": place,
                "serial_number": serial,
                "purchase_date": today - datetime.timedelta(days=days_ago),
                "value": Decimal(value),
                "is_active": in_use,
                "notes": NOTES.get(number, ""),
            },
        )
    return items


def _bookings(items: dict[str, Equipment], today: datetime.date) -> None:
    for number, purpose, offset, hour, hours in BOOKINGS:
        item = items[number]
        if Booking.objects.filter(equipment=item, title=purpose).exists():
            continue
        starts_at = _at(today + datetime.timedelta(days=offset), hour)
        ends_at = starts_at + datetime.timedelta(hours=hours)
        if not find_conflicts(equipment=item, starts_at=starts_at, ends_at=ends_at):
            Booking.objects.create(
                equipment=item, starts_at=starts_at, ends_at=ends_at, title=purpose
            )
    coming = (
        Event.objects.filter(
            status=Event.Status.ANNOUNCED,
            format=Event.Format.HYBRID,
            starts_at__date__gte=today,
            library=items[EVENT_KIT[0]].library,
        )
        .exclude(event_type=EventType.EXHIBITION)
        .order_by("starts_at")[:2]
    )
    event_type = ContentType.objects.get_for_model(Event)
    for event in coming:
        for number in EVENT_KIT:
            item = items[number]
            held = Booking.objects.filter(
                equipment=item, content_type=event_type, object_id=event.pk
            )
            window = {"starts_at": event.blocked_from, "ends_at": event.blocked_until}
            if held.exists() or find_conflicts(equipment=item, **window):
                continue
            Booking.objects.create(
                content_type=event_type,
                object_id=event.pk,
                equipment=item,
                title=event.title,
                **window,
            )


def _proposals(items: dict[str, Equipment], head: User, specialist: User) -> None:
    for title, kind, justification, cost, replaces, status, decision in PROPOSALS:
        if Proposal.objects.filter(title=title).exists():
            continue
        with set_actor(specialist):
            proposal = services.save_proposal(
                actor=specialist,
                proposal=Proposal(
                    title=title,
                    kind=kind,
                    justification=justification,
                    estimated_cost=Decimal(cost),
                    replaces=items.get(replaces),
                ),
            )
        for step in STEPS[status]:
            actor = head if step in services.DECISIONS else specialist
            with set_actor(actor):
                if step == "submit":
                    services.submit_proposal(actor=actor, proposal=proposal)
                elif step == "approve":
                    services.approve_proposal(actor=actor, proposal=proposal, note=decision)
                elif step == "reject":
                    services.reject_proposal(actor=actor, proposal=proposal, reason=decision)
                else:
                    services.pass_to_procurement(actor=actor, proposal=proposal)


def _broadcasts(
    county: Library, today: datetime.date, specialist: User, rng: random.Random
) -> None:
    """Broadcasts of recent past events: the hybrid lectures, and a few others streamed on
    Facebook whose participants are not split by group (so the viewers flow into them)."""
    past = (
        Event.objects.filter(
            library=county,
            status__in=(Event.Status.HELD, Event.Status.REPORTED),
            starts_at__lt=_at(today, 0),
        )
        .exclude(event_type=EventType.EXHIBITION)
        .order_by("-starts_at")
    )
    hybrid = list(past.filter(format=Event.Format.HYBRID)[:4])
    others = list(
        past.exclude(pk__in=[event.pk for event in hybrid])
        .exclude(attendance__audience__isnull=False)
        .distinct()[:2]
    )
    for number, event in enumerate(hybrid + others):
        if Broadcast.objects.filter(event=event).exists():
            continue
        total = rng.randint(40, 420)
        on_youtube = event in hybrid
        with set_actor(specialist):
            broadcast_services.record_broadcast(
                actor=specialist,
                event=event,
                platform=Broadcast.Platform.YOUTUBE if on_youtube else Broadcast.Platform.FACEBOOK,
                url=(
                    f"https://www.youtube.com/live/biblioteka-demo-{event.pk}"
                    if on_youtube
                    else f"https://www.facebook.com/biblioteka.demo/videos/{event.pk}"
                ),
                starts_at=event.starts_at,
                ends_at=event.ends_at,
                peak_viewers=total * rng.randint(35, 70) // 100,
                total_viewers=total,
                recording=Asset.objects.filter(event=event, kind=Asset.Kind.VIDEO).first(),
                notes=BROADCAST_NOTES[number % len(BROADCAST_NOTES)],
            )
            if broadcast_services.attendance_is_split(event):
                _divide_viewers(event, total, specialist)


def _divide_viewers(event: Event, viewers: int, actor: User) -> None:
    """What the staff do on the participants page when the attendance is split by group:
    the stream's viewers divided among the groups (the first takes the remainder)."""
    rows = list(event.attendance.select_related("audience").order_by("pk"))
    share = viewers // len(rows)
    event_services.record_attendance(
        actor=actor,
        event=event,
        rows=[
            event_services.AttendanceRow(
                audience=row.audience,
                on_site=row.on_site,
                live_viewers=share + (viewers - share * len(rows) if index == 0 else 0),
                recording_views=row.recording_views,
            )
            for index, row in enumerate(rows)
        ],
    )


def load_equipment_demo(*, today: datetime.date, rng: random.Random) -> None:
    """Create (or complete) the demo equipment; a second call creates nothing new."""
    county = Library.objects.get(kind=Library.Kind.COUNTY)
    head = User.objects.get(username="vadove")
    specialist = User.objects.get(username="specialiste")
    items = _inventory(county, today)
    _bookings(items, today)
    _proposals(items, head, specialist)
    _broadcasts(county, today, specialist, rng)

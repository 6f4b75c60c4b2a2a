"""Demo communication of the county library: channels, campaigns, a month of content and the
press releases sent to the regional media."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from sklaida.communication.models import (
    AcceptedWord,
    AudienceSize,
    Campaign,
    CampaignTarget,
    Channel,
    ChannelVariant,
    ContentItem,
    ContentVersion,
    NewsletterIssue,
    PressMailing,
    PressRecipient,
    Subscriber,
)
from sklaida.contacts.models import ContactList
from sklaida.core import demo, search
from sklaida.core.addresses import mailbox_key
from sklaida.events.models import Event

K = Channel.Kind
C = ContentItem.Kind
S = ContentItem.Status

# name, kind, address, owner, text limit, image sizes, audience a year ago, now.
CHANNELS = [
    (
        "Bibliotekos svetainė",
        K.WEBSITE,
        "https://www.biblioteka.example",
        "specialiste",
        None,
        "1200×630",
        8200,
        9100,
    ),
    (
        "„Facebook“ paskyra",
        K.FACEBOOK,
        "https://www.facebook.com/biblioteka.example",
        "specialiste",
        2000,
        "1200×630, 1080×1080",
        6100,
        7350,
    ),
    (
        "„Instagram“ paskyra",
        K.INSTAGRAM,
        "https://www.instagram.com/biblioteka.example",
        "specialiste",
        2200,
        "1080×1080, 1080×1350",
        2300,
        3150,
    ),
    (
        "„YouTube“ kanalas",
        K.YOUTUBE,
        "https://www.youtube.com/@biblioteka-demo",
        "vadove",
        5000,
        "1280×720",
        740,
        980,
    ),
    (
        "„TikTok“ paskyra",
        K.TIKTOK,
        "https://www.tiktok.com/@biblioteka.example",
        "specialiste",
        2200,
        "1080×1920",
        150,
        1240,
    ),
    ("Naujienlaiškis skaitytojams", K.NEWSLETTER, "", "specialiste", None, "600×300", 1850, 2100),
    ("Žiniasklaidos sąrašas", K.PRESS_LIST, "", "vadove", None, "", 46, 52),
    ("Šiaulių radijo laida „Kultūros savaitė“", K.RADIO_TV, "", "vadove", None, "", 12000, 12000),
]

# days ago (None: not out yet), kind, status, title, summary, channels of its variants.
CONTENT = [
    (
        2,
        C.NEWS,
        S.PUBLISHED,
        "Bibliotekoje – nauja Šiaulių fotografų paroda",
        "Antrame aukšte atidaryta paroda „Miestas per objektyvą“: 40 fotografijų apie Šiaulius.",
        (),
    ),
    (
        4,
        C.NEWS,
        S.PUBLISHED,
        "Prasideda registracija į kompiuterinio raštingumo kursus senjorams",
        "Gruodžio mėnesį – nemokami užsiėmimai: el. paštas, e. valdžios vartai, saugumas.",
        ("„Facebook“ paskyra",),
    ),
    (
        6,
        C.PRESS_RELEASE,
        S.PUBLISHED,
        "Biblioteka kviečia į Kalėdinių skaitymų savaitę",
        "Gruodžio 15–20 d. – skaitymai vaikams, susitikimai su autoriais ir knygų mainų mugė.",
        ("Žiniasklaidos sąrašas",),
    ),
    (
        9,
        C.NEWS,
        S.PUBLISHED,
        "Atnaujinta vaikų literatūros skaitykla",
        "Vaikų skaitykloje – nauji baldai, žaidimų kampelis ir daugiau nei 600 naujų knygų.",
        ("„Instagram“ paskyra",),
    ),
    (
        12,
        C.ARTICLE,
        S.PUBLISHED,
        "Kaip išsirinkti knygą žiemos vakarams: bibliotekininkų patarimai",
        "Penki bibliotekininkai pataria, ką skaityti ilgais žiemos vakarais.",
        (),
    ),
    (
        15,
        C.NEWS,
        S.PUBLISHED,
        "Knygų pristatymų ciklas su Šiaulių krašto autoriais tęsiasi",
        "Lapkričio pabaigoje – dar du susitikimai su kraštiečiais rašytojais.",
        ("„Facebook“ paskyra",),
    ),
    (
        19,
        C.NEWS,
        S.PUBLISHED,
        "Pakeistas bibliotekos darbo laikas švenčių dienomis",
        "Gruodžio 24–26 d. ir sausio 1 d. biblioteka nedirbs; gruodžio 31 d. dirbsime iki 15 val.",
        (),
    ),
    (
        23,
        C.PRESS_RELEASE,
        S.PUBLISHED,
        "Apskrities bibliotekos padaliniuose – nauji skaitmeninio raštingumo centrai",
        "Keturiuose rajonų padaliniuose pradėjo veikti kompiuterizuotos darbo vietos gyventojams.",
        ("Žiniasklaidos sąrašas",),
    ),
    (
        27,
        C.NEWS,
        S.PUBLISHED,
        "Lapkričio renginių apžvalga: daugiau nei 1 200 lankytojų",
        "Per mėnesį įvyko 38 renginiai: paskaitos, koncertai, edukacijos vaikams ir parodos.",
        (),
    ),
    (
        3,
        C.SOCIAL_POST,
        S.PUBLISHED,
        "Savaitės knyga: Jurgos Ivanauskaitės „Ragana ir lietus“",
        "Bibliotekininkės Rūtos rekomendacija savaitgaliui.",
        ("„Facebook“ paskyra", "„Instagram“ paskyra"),
    ),
    (
        7,
        C.SOCIAL_POST,
        S.PUBLISHED,
        "Trumpas vaizdo įrašas: kaip knyga keliauja per biblioteką",
        "Nuo užsakymo iki skaitytojo rankų – per 60 sekundžių.",
        ("„TikTok“ paskyra", "„YouTube“ kanalas"),
    ),
    (
        14,
        C.NEWSLETTER_ISSUE,
        S.PUBLISHED,
        "Naujienlaiškis: lapkričio naujienos ir gruodžio renginiai",
        "Mėnesio naujienos, nauji leidiniai ir renginių kalendorius.",
        ("Naujienlaiškis skaitytojams",),
    ),
    (
        None,
        C.SOCIAL_POST,
        S.SCHEDULED,
        "Kvietimas į Kalėdinių skaitymų savaitę",
        "Trumpas kvietimas su renginių programa.",
        ("„Facebook“ paskyra", "„Instagram“ paskyra"),
    ),
    (
        None,
        C.PRESS_RELEASE,
        S.APPROVED,
        "Bibliotekos metų apžvalga: skaitytojų daugėja",
        "Preliminarūs 2026 m. rezultatai: lankytojų ir renginių skaičius išaugo.",
        ("Žiniasklaidos sąrašas",),
    ),
    (
        None,
        C.NEWS,
        S.EDITING,
        "Sausio mėnesio renginių programa",
        "Kviečiame susipažinti su sausio renginiais.",
        (),
    ),
    (
        None,
        C.ARTICLE,
        S.DRAFT,
        "Pokalbis su kraštotyrininke apie Šiaulių krašto tarmes",
        "Kaip keitėsi šiauliškių kalba per šimtą metų.",
        (),
    ),
    (
        None,
        C.SOCIAL_POST,
        S.DRAFT,
        "Skaitytojų klubo nuotraukos iš susitikimo",
        "Akimirkos iš lapkričio susitikimo.",
        ("„Instagram“ paskyra",),
    ),
    (
        None,
        C.INFORMATIONAL,
        S.DRAFT,
        "Kaip užsisakyti knygą internetu",
        "Žingsnis po žingsnio: elektroninis katalogas ir rezervacija.",
        (),
    ),
    (
        None,
        C.NEWS,
        S.IDEA,
        "Interviu radijui apie vaikų vasaros skaitymus",
        "",
        ("Šiaulių radijo laida „Kultūros savaitė“",),
    ),
    (None, C.CAMPAIGN_MATERIAL, S.IDEA, "Plakatų serija „Skaityk žiemą“", "", ()),
    (
        None,
        C.SOCIAL_POST,
        S.IDEA,
        "Užkulisių ciklas: kas dirba bibliotekoje",
        "",
        ("„TikTok“ paskyra",),
    ),
]

BODY = (
    "{summary}\n\n"
    "Daugiau informacijos – bibliotekos informacijos skyriuje, tel. (8 41) 52 43 10, "
    "arba el. paštu info@biblioteka.example.\n\n"
    "Laukiame visų – įėjimas nemokamas."
)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# The staff dictionary a county library starts with: its own names, the county's places and
# people the dictionary lacks, and the department's words; (word, model word it declines like).
STAFF_DICTIONARY = [
    # The Library's patron and the people its programmes are named after.
    ("Višinskis", "Jonaitis"),
    ("Maironis", "Jonaitis"),
    ("Janonis", "Jonaitis"),
    ("Šalkauskis", "Jonaitis"),
    ("Frenkelis", "Jonaitis"),
    ("Nėris", ""),  # Salomėja Nėris: Nėries, Nėriai, Nėrį — a paradigm of her own
    ("Nėries", ""),
    ("Nėriai", ""),
    ("Šatrija", "Kudirka"),  # Šatrijos Ragana
    # Places in Šiauliai and its county the dictionary lacks.
    ("Didždvaris", "Jonaitis"),
    ("Salduvė", "Kelmė"),
    ("Talša", "Kudirka"),
    ("Dubysa", "Kudirka"),
    ("Žiemgala", "Kudirka"),
    ("Zokniai", "Šiauliai"),
    ("Zubovai", "Biržai"),
    ("Jelgava", "Kudirka"),  # Šiauliai's twin town in Latvia
    # The department's own words and the services it publishes on.
    ("edukacija", "Marija"),
    ("fotostudija", "Marija"),
    ("akreditacija", "Marija"),
    ("naujienlaiškis", "Jonaitis"),
    ("tinklalaidė", "Kelmė"),
    ("iliustratorė", "Kelmė"),
    ("švietėjas", "Kazlauskas"),
    ("sėdmaišis", "Jonaitis"),
    ("robotika", "fizika"),
    ("distopija", "utopija"),
    ("skaitmeninti", "gerinti"),
    ("moderuoti", "organizuoti"),
    ("trumpametražis", "Jonaitis"),
    ("baneris", "Jonaitis"),
    ("Zoom", ""),
]


def _staff_dictionary(users: dict) -> None:
    for word, model in STAFF_DICTIONARY:
        if not AcceptedWord.objects.filter(word__iexact=word).exists():
            AcceptedWord.objects.create(word=word, model_word=model, added_by=users["vadove"])


def load(world: demo.DemoWorld) -> None:
    _staff_dictionary(world.users)
    if Channel.objects.filter(name=CHANNELS[0][0]).exists():
        return
    today = world.today
    users = world.users
    channels = Channel.objects.bulk_create(
        Channel(
            name=name,
            kind=kind,
            url=url,
            owner=users[owner],
            text_limit=limit,
            image_sizes=sizes,
            access_note="Bibliotekos slaptažodžių tvarkyklėje"
            if kind in (K.FACEBOOK, K.INSTAGRAM, K.YOUTUBE, K.TIKTOK)
            else "",
        )
        for name, kind, url, owner, limit, sizes, _start, _end in CHANNELS
    )
    by_name = {channel.name: channel for channel in channels}
    Channel.administrators.through.objects.bulk_create(
        Channel.administrators.through(channel_id=channel.pk, user_id=users["vadove"].pk)
        for channel in channels
        if channel.kind in (K.FACEBOOK, K.INSTAGRAM)
    )
    # The audience on the first day of each of the last twelve months, growing steadily.
    months = [
        (today.replace(day=1) - datetime.timedelta(days=31 * back)).replace(day=1)
        for back in range(11, -1, -1)
    ]
    AudienceSize.objects.bulk_create(
        AudienceSize(
            channel=channel,
            measured_on=month,
            size=start + (end - start) * index // (len(months) - 1),
        )
        for channel, (*_rest, start, end) in zip(channels, CHANNELS, strict=True)
        for index, month in enumerate(months)
    )

    upcoming = list(
        Event.objects.filter(
            is_public=True,
            announced_at__isnull=False,
            status=Event.Status.ANNOUNCED,
            starts_at__gte=_at(today, 0),
        ).order_by("starts_at")[:4]
    )
    christmas = Campaign.objects.create(
        title="Kalėdiniai skaitymai 2026",
        goal="Pritraukti šeimas su vaikais į gruodžio skaitymų savaitę ir knygų mainų mugę.",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
        audience="Šeimos su vaikais, mokyklos",
        budget=Decimal("450.00"),
        owner=users["specialiste"],
    )
    christmas.channels.set(
        [
            by_name["„Facebook“ paskyra"],
            by_name["„Instagram“ paskyra"],
            by_name["Naujienlaiškis skaitytojams"],
        ]
    )
    christmas.events.set(upcoming[:2])
    seniors = Campaign.objects.create(
        title="Skaitmeninis raštingumas senjorams",
        goal="Užpildyti kompiuterinio raštingumo kursų vietas visuose padaliniuose.",
        starts_on=today - datetime.timedelta(days=20),
        ends_on=today + datetime.timedelta(days=40),
        audience="Senjorai ir jų artimieji",
        owner=users["vadove"],
    )
    seniors.channels.set(
        [
            by_name["Bibliotekos svetainė"],
            by_name["Šiaulių radijo laida „Kultūros savaitė“"],
            by_name["Žiniasklaidos sąrašas"],
        ]
    )
    CampaignTarget.objects.bulk_create(
        [
            CampaignTarget(
                campaign=christmas,
                indicator="Pasiekiamumas socialiniuose tinkluose",
                target=Decimal(20000),
                unit="žmonių",
                achieved=Decimal(8400),
            ),
            CampaignTarget(
                campaign=christmas,
                indicator="Registracijos į skaitymus",
                target=Decimal(300),
                unit="registracijų",
                achieved=Decimal(96),
            ),
            CampaignTarget(
                campaign=seniors,
                indicator="Užpildytos kursų vietos",
                target=Decimal(120),
                unit="vietų",
                achieved=Decimal(88),
            ),
            CampaignTarget(
                campaign=seniors,
                indicator="Publikacijos žiniasklaidoje",
                target=Decimal(5),
                unit="publikacijų",
            ),
        ]
    )

    items = []
    for number, (days_ago, kind, status, title, summary, _variants) in enumerate(CONTENT):
        published_at = _at(today - datetime.timedelta(days=days_ago), 10) if days_ago else None
        campaign = (
            christmas
            if "Kalėdin" in title
            else seniors
            if "senjor" in title.lower() or "raštingumo" in title
            else None
        )
        items.append(
            ContentItem(
                kind=kind,
                title=title,
                slug=f"{slugify(title)[:100]}-{number + 1}",
                summary=summary,
                body=BODY.format(summary=summary) if status != S.IDEA else "",
                status=status,
                author=users["specialiste"] if number % 3 else users["vadove"],
                editor=users["vadove"]
                if status in (S.EDITING, S.APPROVED, S.SCHEDULED, S.PUBLISHED)
                else None,
                campaign=campaign,
                publish_at=_at(today + datetime.timedelta(days=3), 9)
                if status == S.SCHEDULED
                else published_at,
                published_at=published_at,
            )
        )
    ContentItem.objects.bulk_create(items)
    search.index_many(items)
    ContentVersion.objects.bulk_create(
        ContentVersion(
            item=item,
            number=1,
            title=item.title,
            summary=item.summary,
            body=item.body,
            saved_by=item.author,
        )
        for item in items
        if item.status != S.IDEA
    )
    ChannelVariant.objects.bulk_create(
        ChannelVariant(
            item=item,
            channel=by_name[name],
            text=f"{item.summary} Daugiau – bibliotekos svetainėje.",
            planned_at=item.publish_at,
            published_url=f"{by_name[name].url}/posts/{item.pk}"
            if item.status == S.PUBLISHED and by_name[name].url
            else "",
        )
        for item, (*_rest, variants) in zip(items, CONTENT, strict=True)
        for name in variants
    )
    if upcoming:
        ContentItem.events.through.objects.bulk_create(
            ContentItem.events.through(
                contentitem_id=item.pk, event_id=upcoming[index % len(upcoming)].pk
            )
            for index, item in enumerate(items)
            if item.campaign_id
        )

    _press_mailings(items, users)
    _newsletter(items, users, today)


def _press_mailings(items: list[ContentItem], users: dict) -> None:
    """Each published press release went to the regional media list on its day."""
    media = ContactList.objects.filter(name="Regioninė žiniasklaida").first()
    if media is None:
        return
    persons = [person for person in media.persons.order_by("pk") if person.email]
    for item in items:
        if item.kind != C.PRESS_RELEASE or item.status != S.PUBLISHED:
            continue
        sent_at = item.published_at - datetime.timedelta(hours=1)
        mailing = PressMailing.objects.create(
            item=item,
            contact_list=media,
            subject=item.title,
            message="Laba diena, siunčiame pranešimą spaudai. Būsime dėkingi, jei apie tai "
            "papasakosite savo skaitytojams.",
            status=PressMailing.Status.SENT,
            total=len(persons),
            sent=len(persons),
            started_at=sent_at,
            heartbeat_at=sent_at,
            finished_at=sent_at + datetime.timedelta(minutes=1),
            created_by=users["specialiste"],
        )
        PressRecipient.objects.bulk_create(
            PressRecipient(
                mailing=mailing,
                person=person,
                name=str(person),
                email=person.email,
                mailbox=mailbox_key(person.email),
                status=PressRecipient.Status.SENT,
                attempts=1,
                sent_at=sent_at,
            )
            for person in persons
        )


# Readers of the newsletter: enough that "Send" in the demo reaches someone, and the
# message lands in the demo's mailbox (/demo/pastas/).
SUBSCRIBERS = [
    ("ona.petraitiene@example.lt", "Ona Petraitienė", "lt", Subscriber.Status.ACTIVE),
    ("jonas.kazlauskas@example.lt", "Jonas Kazlauskas", "lt", Subscriber.Status.ACTIVE),
    ("ruta.jankauskaite@example.lt", "Rūta Jankauskaitė", "lt", Subscriber.Status.ACTIVE),
    ("anna.schmidt@example.de", "Anna Schmidt", "en", Subscriber.Status.ACTIVE),
    ("laukia.patvirtinimo@example.lt", "", "lt", Subscriber.Status.PENDING),
    ("atsisake@example.lt", "", "lt", Subscriber.Status.UNSUBSCRIBED),
]
CONSENT = "Sutinku gauti bibliotekos naujienlaiškį; galiu bet kada atsisakyti."


def _newsletter(items: list[ContentItem], users: dict, today: datetime.date) -> None:
    """A few subscribers and a draft issue of the published news, ready to send."""
    consented = _at(today - datetime.timedelta(days=60), 10)
    # Recent enough that the retention job (NEWSLETTER_*_DAYS) keeps them in the demo.
    asked = _at(today - datetime.timedelta(days=3), 10)
    left = _at(today - datetime.timedelta(days=10), 10)
    Subscriber.objects.bulk_create(
        Subscriber(
            email=email,
            mailbox=mailbox_key(email),
            name=name,
            language=language,
            status=status,
            consent_text=CONSENT,
            consented_at=asked if status == Subscriber.Status.PENDING else consented,
            confirmed_at=consented if status != Subscriber.Status.PENDING else None,
            unsubscribed_at=left if status == Subscriber.Status.UNSUBSCRIBED else None,
        )
        for email, name, language, status in SUBSCRIBERS
    )
    issue = NewsletterIssue.objects.create(
        subject="Bibliotekos naujienos",
        intro="Sveiki! Štai kas naujo bibliotekoje ir kas vyks artimiausiomis savaitėmis.",
        event_days=30,
        created_by=users["specialiste"],
    )
    issue.items.set(
        [item for item in items if item.kind == C.NEWS and item.status == S.PUBLISHED][:3]
    )


demo.register("communication", load)

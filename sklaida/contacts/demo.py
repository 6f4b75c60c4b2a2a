"""Demo contacts of Šiauliai county: media, partners, creators, lists and agreements."""

from __future__ import annotations

import datetime

from django.utils import timezone

from sklaida.contacts import services
from sklaida.contacts.models import (
    Agreement,
    ContactList,
    Interaction,
    Membership,
    Organisation,
    Person,
    PersonalDataExport,
)
from sklaida.core import demo
from sklaida.core.models import Library

Kind = Organisation.Kind

# name, kind, city, country, e-mail, tags
ORGANISATIONS = [
    (
        "Šiaulių kraštas",
        Kind.MEDIA,
        "Šiauliai",
        "LT",
        "redakcija@skrastas.example",
        ["regioninė žiniasklaida"],
    ),
    (
        "Etaplius.lt",
        Kind.MEDIA,
        "Šiauliai",
        "LT",
        "naujienos@etaplius.example",
        ["regioninė žiniasklaida", "internetas"],
    ),
    (
        "Šiaulių televizija",
        Kind.MEDIA,
        "Šiauliai",
        "LT",
        "info@stv.example",
        ["regioninė žiniasklaida", "televizija"],
    ),
    ("Šiaulių dramos teatras", Kind.CULTURAL, "Šiauliai", "LT", "teatras@sdt.example", ["teatras"]),
    (
        "Šiaulių „Aušros“ muziejus",
        Kind.CULTURAL,
        "Šiauliai",
        "LT",
        "info@ausrosmuziejus.example",
        ["muziejus"],
    ),
    (
        "Šiaulių Juliaus Janonio gimnazija",
        Kind.SCHOOL,
        "Šiauliai",
        "LT",
        "rastine@janonio.example",
        ["moksleiviai"],
    ),
    (
        "Lietuvos rašytojų sąjungos Šiaulių skyrius",
        Kind.NGO,
        "Šiauliai",
        "LT",
        "siauliai@rasytojai.example",
        ["literatūra"],
    ),
    (
        "Leidykla „Saulės delta“",
        Kind.PUBLISHER,
        "Šiauliai",
        "LT",
        "leidykla@saulesdelta.example",
        ["vaikų literatūra"],
    ),
    (
        "Jelgavas Zinātniskā bibliotēka",
        Kind.FOREIGN_PARTNER,
        "Jelgava",
        "LV",
        "info@jelgavasbiblioteka.example",
        ["Latvija", "projektai"],
    ),
]

# first, last, category, e-mail, organisation, role, languages, tags, legal basis
PERSONS = [
    (
        "Jonas",
        "Žemaitis",
        Person.Category.JOURNALIST,
        "jonas.zemaitis@skrastas.example",
        "Šiaulių kraštas",
        "kultūros skilties redaktorius",
        ["lt"],
        [],
        Person.LegalBasis.LEGITIMATE_INTEREST,
    ),
    (
        "Rūta",
        "Vaitkienė",
        Person.Category.JOURNALIST,
        "ruta.vaitkiene@etaplius.example",
        "Etaplius.lt",
        "žurnalistė",
        ["lt", "en"],
        [],
        Person.LegalBasis.LEGITIMATE_INTEREST,
    ),
    (
        "Mantas",
        "Gudaitis",
        Person.Category.JOURNALIST,
        "mantas@stv.example",
        "Šiaulių televizija",
        "reporteris",
        ["lt"],
        [],
        Person.LegalBasis.LEGITIMATE_INTEREST,
    ),
    (
        "Dalia",
        "Šimkutė",
        Person.Category.CREATOR,
        "dalia.simkute@rasytojai.example",
        "Lietuvos rašytojų sąjungos Šiaulių skyrius",
        "narė",
        ["lt", "en"],
        ["vaikų literatūra"],
        Person.LegalBasis.CONSENT,
    ),
    (
        "Kęstutis",
        "Navickas",
        Person.Category.CREATOR,
        "kestutis.navickas@example.lt",
        "",
        "",
        ["lt", "ru"],
        ["vaikų literatūra", "iliustracija"],
        Person.LegalBasis.CONSENT,
    ),
    (
        "Vytautas",
        "Kairys",
        Person.Category.CREATOR,
        "vytautas.kairys@example.lt",
        "Šiaulių dramos teatras",
        "aktorius",
        ["lt"],
        ["skaitymai"],
        Person.LegalBasis.CONTRACT,
    ),
    (
        "Ilze",
        "Bērziņa",
        Person.Category.PARTNER_CONTACT,
        "ilze.berzina@jelgavasbiblioteka.example",
        "Jelgavas Zinātniskā bibliotēka",
        "projektų koordinatorė",
        ["lv", "en", "lt"],
        ["projektai"],
        Person.LegalBasis.LEGITIMATE_INTEREST,
    ),
    (
        "Laima",
        "Petronienė",
        Person.Category.PARTNER_CONTACT,
        "laima.petroniene@janonio.example",
        "Šiaulių Juliaus Janonio gimnazija",
        "lietuvių kalbos mokytoja",
        ["lt"],
        ["moksleiviai"],
        Person.LegalBasis.LEGITIMATE_INTEREST,
    ),
]


def load(world: demo.DemoWorld) -> None:
    head, specialist = world.users["vadove"], world.users["specialiste"]
    today = world.today
    organisations = {}
    for name, kind, city, country, email, tags in ORGANISATIONS:
        organisation, created = Organisation.objects.get_or_create(
            name=name, defaults={"kind": kind, "city": city, "country": country, "email": email}
        )
        if created:
            organisation.tags.set(tags)
        organisations[name] = organisation
    for library in Library.objects.filter(kind=Library.Kind.TERRITORY):
        organisations[library.name], _created = Organisation.objects.get_or_create(
            library=library,
            defaults={
                "name": library.name,
                "kind": Kind.TERRITORY_LIBRARY,
                "city": library.address.split(",")[-1].strip() if library.address else "",
                "email": library.email,
            },
        )
    persons = {}
    for first, last, category, email, organisation, role, languages, tags, basis in PERSONS:
        person, created = Person.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "category": category,
                "languages": languages,
                "legal_basis": basis,
                "consent_date": today - datetime.timedelta(days=200)
                if basis == Person.LegalBasis.CONSENT
                else None,
                "country": "LV" if "lv" in languages[:1] else "LT",
            },
        )
        if created:
            person.tags.set(tags)
            if organisation:
                Membership.objects.create(
                    person=person, organisation=organisations[organisation], role=role
                )
        persons[last] = person

    if not Interaction.objects.exists():
        services.record_interaction(
            actor=specialist,
            kind=Interaction.Kind.CALL,
            date=today - datetime.timedelta(days=12),
            summary="Aptarėme Kalėdinio koncerto anonsą ir fotografo akreditaciją.",
            organisations=[organisations["Šiaulių kraštas"]],
            persons=[persons["Žemaitis"]],
        )
        services.record_interaction(
            actor=head,
            kind=Interaction.Kind.MEETING,
            date=today - datetime.timedelta(days=30),
            summary="Susitikimas dėl bendro Latvijos ir Lietuvos bibliotekų projekto paraiškos.",
            organisations=[organisations["Jelgavas Zinātniskā bibliotēka"]],
            persons=[persons["Bērziņa"]],
        )
        services.record_interaction(
            actor=specialist,
            kind=Interaction.Kind.EMAIL,
            date=today - datetime.timedelta(days=5),
            summary="Pakvietėme į knygos vaikams pristatymą gruodžio mėnesį; autorė sutiko.",
            persons=[persons["Šimkutė"]],
        )
    if not Agreement.objects.exists():
        services.save_agreement(
            actor=head,
            agreement=Agreement(
                organisation=organisations["Šiaulių dramos teatras"],
                number="BS-2025/14",
                subject="Bendradarbiavimas rengiant literatūrinius skaitymus",
                start_date=datetime.date(today.year - 1, 1, 2),
                end_date=today + datetime.timedelta(days=35),
                owner=specialist,
            ),
            persons=[persons["Kairys"]],
            today=today,
        )
        services.save_agreement(
            actor=head,
            agreement=Agreement(
                organisation=organisations["Jelgavas Zinātniskā bibliotēka"],
                number="BS-2026/03",
                subject="Partnerystė tarptautiniuose skaitymo skatinimo projektuose",
                start_date=datetime.date(today.year, 3, 1),
                end_date=datetime.date(today.year + 2, 2, 28),
                owner=head,
            ),
            persons=[persons["Bērziņa"]],
            today=today,
        )
    if not PersonalDataExport.objects.exists():
        # A partner asked what the Library keeps about her (GDPR Art. 15); the head answered.
        PersonalDataExport.objects.create(
            made_by=head,
            made_at=timezone.make_aware(
                datetime.datetime.combine(today - datetime.timedelta(days=20), datetime.time(10))
            ),
            person=persons["Bērziņa"],
            rows=5,
        )
    media, created = ContactList.objects.get_or_create(
        name="Regioninė žiniasklaida",
        defaults={"description": "Pranešimams spaudai apie renginius Šiaulių regione."},
    )
    if created:
        media.persons.set([persons["Žemaitis"], persons["Vaitkienė"], persons["Gudaitis"]])
    ContactList.objects.get_or_create(
        name="Vaikų rašytojai",
        defaults={
            "kind": ContactList.Kind.SAVED_FILTER,
            "criteria": {"category": Person.Category.CREATOR, "tag": "vaikų literatūra"},
            "description": "Kūrėjai, kviečiami į vaikų literatūros renginius.",
        },
    )


demo.register("contacts", load)

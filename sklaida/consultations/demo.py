"""Demo consultations: methodical help to Šiauliai county's libraries this year."""

from __future__ import annotations

import datetime
from decimal import Decimal

from sklaida.consultations import services
from sklaida.consultations.models import Consultation
from sklaida.core import demo
from sklaida.core.models import Library

Topic, Form = Consultation.Topic, Consultation.Form

# library short name start, days ago, topic, form, hours, question, advice
GIVEN = [
    (
        "Akmenės",
        80,
        Topic.SOCIAL_MEDIA,
        Form.ONLINE,
        "1.5",
        "Kaip planuoti bibliotekos „Facebook“ įrašus visam mėnesiui?",
        "Parengėme turinio kalendoriaus šabloną ir aptarėme įrašų ritmą: 3 įrašai per savaitę.",
    ),
    (
        "Kelmės",
        60,
        Topic.PROJECTS,
        Form.INDIVIDUAL,
        "3",
        "Paraiška Lietuvos kultūros tarybai: kaip aprašyti rezultatų rodiklius?",
        "Peržiūrėjome paraiškos projektą, pasiūlėme matuojamus rodiklius ir biudžeto pataisas.",
    ),
    (
        "Radviliškio",
        45,
        Topic.EVENTS,
        Form.GROUP,
        "2",
        "Kaip organizuoti Nacionalinės bibliotekų savaitės renginius filialuose?",
        "Sudarėme renginių planą, aptarėme partnerių paiešką ir viešinimo terminus.",
    ),
    (
        "Pakruojo",
        20,
        Topic.PUBLIC_RELATIONS,
        Form.INDIVIDUAL,
        "1",
        "Kaip parengti pranešimą spaudai apie bibliotekos jubiliejų?",
        "Redagavome pranešimo tekstą, pasiūlėme antraštę ir citatą, davėme žiniasklaidos sąrašą.",
    ),
    (
        "Šiaulių rajono",
        10,
        Topic.CULTURAL_MANAGEMENT,
        Form.SEMINAR,
        "4",
        "Seminaras filialų darbuotojams apie renginių lankytojų apskaitą.",
        "Pristatėme dalyvių (gyvai ir virtualiai) skaičiavimo metodiką ir ataskaitos formą.",
    ),
]


def load(world: demo.DemoWorld) -> None:
    if Consultation.objects.exists():
        return
    head, specialist = world.users["vadove"], world.users["specialiste"]
    territory = world.users["teritorija"]
    libraries = list(Library.objects.all())

    def library(prefix: str) -> Library:
        return next(lib for lib in libraries if lib.name.startswith(prefix))

    for prefix, days_ago, topic, form, hours, question, advice in GIVEN:
        services.record_consultation(
            actor=specialist,
            consultation=Consultation(
                library=library(prefix), topic=topic, form=form, question=question
            ),
            date=world.today - datetime.timedelta(days=days_ago),
            duration_hours=Decimal(hours),
            advice=advice,
            consultants=[specialist],
        )
    services.request_consultation(
        actor=territory,
        library=territory.library,
        topic=Topic.PROJECTS,
        form=Form.ONLINE,
        question="Norėtume pasitarti dėl tarptautinio projekto su Latvijos biblioteka paraiškos.",
        preferred_date=world.today + datetime.timedelta(days=7),
        recipient_names="Aušra Jankauskienė",
    )
    scheduled = services.request_consultation(
        actor=territory,
        library=territory.library,
        topic=Topic.SOCIAL_MEDIA,
        form=Form.INDIVIDUAL,
        question="Kaip parengti trumpus vaizdo įrašus „Instagram“ paskyrai?",
    )
    services.schedule_consultation(
        actor=head,
        consultation=scheduled,
        date=world.today + datetime.timedelta(days=3),
        consultants=[specialist],
    )


demo.register("consultations", load)

"""The one search, case by case: Lithuanian inflections, names, queries without
diacritics, several words, and words that must not match. The same table runs on SQLite
and on PostgreSQL (CI runs the suite on both), so both engines find the same rows."""

from __future__ import annotations

import pytest

from sklaida.communication.models import ContentItem
from sklaida.communication.tests.factories import ContentItemFactory
from sklaida.contacts.models import Person
from sklaida.contacts.tests.factories import PersonFactory
from sklaida.core import search
from sklaida.events.models import Event
from sklaida.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db

EVENTS = {
    "naktis": ("Biblioteka naktį", "Naktinė ekskursija po knygų saugyklas su žibintuvėliais."),
    "paroda": (
        "Paroda „Žemaitijos medžio drožėjai“",
        "Paroda atidaroma Šiaulių apskrities Povilo Višinskio viešojoje bibliotekoje.",
    ),
    "mainai": (
        "Knygų mainų šventė vaikams",
        "Atneškite perskaitytą knygą ir išsirinkite kitą. Renginys skirtas šeimoms.",
    ),
    "poezija": ("Poezijos vakaras su Maironio eilėmis", "Skaito aktoriai, groja kvartetas."),
    "dirbtuves": ("Kūrybinės dirbtuvės jaunimui", "Komiksų kūrimo užsiėmimas paaugliams."),
    "zodis": ("Edukacinis renginys „Žodis ir vaizdas“", "Apie iliustraciją ir tekstą."),
    "istorija": ("Pristatymas „Šiaulių istorija“", "Autorius pasakoja apie miesto praeitį."),
}
PERSONS = {
    "zemaitis": ("Jonas", "Žemaitis"),
    "petroniene": ("Rūta", "Petronienė"),
    "visinskis": ("Povilas", "Višinskis"),
    "jonaitiene": ("Ona", "Jonaitienė"),
}
CONTENT = {
    "laikas": ("Bibliotekos darbo laikas per šventes", "Gruodžio 24 d. dirbame trumpiau."),
    "vasara": ("Vaikų vasaros skaitymo iššūkis", "Perskaitę penkias knygas gaus prizą."),
    "kvietimas": ("Kvietimas į parodą apie Žemaitiją", "Laukiame visų lankytojų."),
}

BIBLIOTEKA = {"naktis", "paroda", "laikas"}
KNYGA = {"naktis", "mainai", "vasara"}
VAIKAS = {"mainai", "vasara"}
RENGINYS = {"mainai", "zodis"}
PARODA = {"paroda", "kvietimas"}
SIAULIAI = {"paroda", "istorija"}
ZEMAITIJA = {"paroda", "kvietimas"}

# query → what it must find (all of it, and nothing else from the dataset)
CASES: list[tuple[str, set[str]]] = [
    # biblioteka, every case, and as written by anyone
    ("biblioteka", BIBLIOTEKA),
    ("bibliotekos", BIBLIOTEKA),
    ("bibliotekai", BIBLIOTEKA),
    ("biblioteką", BIBLIOTEKA),
    ("biblioteka", BIBLIOTEKA),
    ("bibliotekoje", BIBLIOTEKA),
    ("bibliotekų", BIBLIOTEKA),
    ("bibliotekomis", BIBLIOTEKA),
    ("bibliotekose", BIBLIOTEKA),
    ("BIBLIOTEKA", BIBLIOTEKA),
    ("bibliotekq", set()),
    # knyga
    ("knyga", KNYGA),
    ("knygos", KNYGA),
    ("knygų", KNYGA),
    ("knygu", KNYGA),
    ("knygą", KNYGA),
    ("knygoje", KNYGA),
    ("knygomis", KNYGA),
    ("KNYGAS", KNYGA),
    # vaikas
    ("vaikas", VAIKAS),
    ("vaiko", VAIKAS),
    ("vaikai", VAIKAS),
    ("vaikų", VAIKAS),
    ("vaiku", VAIKAS),
    ("vaikams", VAIKAS),
    ("vaikus", VAIKAS),
    # renginys
    ("renginys", RENGINYS),
    ("renginio", RENGINYS),
    ("renginiai", RENGINYS),
    ("renginių", RENGINYS),
    ("renginiu", RENGINYS),
    ("renginiuose", RENGINYS),
    ("renginį", RENGINYS),
    # paroda
    ("paroda", PARODA),
    ("parodos", PARODA),
    ("parodą", PARODA),
    ("parodoje", PARODA),
    ("parodų", PARODA),
    ("parodu", PARODA),
    # places, with and without diacritics, any case
    ("Šiaulių", SIAULIAI),
    ("šiaulių", SIAULIAI),
    ("siauliu", SIAULIAI),
    ("SIAULIAI", SIAULIAI),
    ("Šiauliuose", SIAULIAI),
    ("Žemaitija", ZEMAITIJA),
    ("Zemaitija", ZEMAITIJA),
    ("žemaitijos", ZEMAITIJA),
    ("zemaitijoje", ZEMAITIJA),
    # names in their cases
    ("Žemaitis", {"zemaitis"}),
    ("Žemaičio", {"zemaitis"}),
    ("Zemaicio", {"zemaitis"}),
    ("ŽEMAIČIUI", {"zemaitis"}),
    ("Petronienė", {"petroniene"}),
    ("Petronienės", {"petroniene"}),
    ("petronienes", {"petroniene"}),
    ("Petronienei", {"petroniene"}),
    ("Višinskio", {"visinskis", "paroda"}),
    ("Visinskio", {"visinskis", "paroda"}),
    ("visinskiui", {"visinskis", "paroda"}),
    ("Maironio", {"poezija"}),
    ("Maironis", {"poezija"}),
    ("Jonaitienės", {"jonaitiene"}),
    ("Povilas Višinskis", {"visinskis", "paroda"}),
    ("Povilo Visinskio", {"visinskis", "paroda"}),
    # žodis, whose stem keeps the letter
    ("žodis", {"zodis"}),
    ("zodis", {"zodis"}),
    ("žodžio", {"zodis"}),
    ("zodzio", {"zodis"}),
    # several words: every word must match, in any order
    ("knygų vaikams", {"mainai", "vasara"}),
    ("vaikams knyga", {"mainai", "vasara"}),
    ("knygų mainai vaikams", {"mainai"}),
    ("paroda Šiauliuose", {"paroda"}),
    ("poezijos vakaras", {"poezija"}),
    ("vakaro poezija", {"poezija"}),
    ("renginys vaikams", {"mainai"}),
    ("biblioteka naktis", {"naktis"}),
    # the last word while it is being typed
    ("bibliot", BIBLIOTEKA),
    ("kūrybin", {"dirbtuves"}),
    ("kurybin", {"dirbtuves"}),
    # words that only look alike must not match
    ("bibliografija", set()),
    ("knygynas", set()),
    ("vaikinas", set()),
    ("paradas", set()),
    ("šiaurė", set()),
    ("naktinis klubas", set()),
    ("vakarienė", set()),
    # search syntax is only words
    ('knyga" OR "*', set()),
    ("knyga NEAR(vaikas)", set()),
    ("knyga & !vaikas", {"mainai", "vasara"}),
    ("(knyga)", KNYGA),
    ("***", None),  # no word at all: the list is not narrowed
]


@pytest.fixture
def dataset() -> dict[str, object]:
    objects: dict[str, object] = {}
    for key, (title, description) in EVENTS.items():
        objects[key] = EventFactory(title=title, description=description, summary="", venue="")
    for key, (first_name, last_name) in PERSONS.items():
        objects[key] = PersonFactory(first_name=first_name, last_name=last_name)
    for key, (title, body) in CONTENT.items():
        objects[key] = ContentItemFactory(title=title, body=body, summary="")
    return objects


def found(dataset: dict[str, object], query: str) -> set[str]:
    keys = {(type(obj), obj.pk): key for key, obj in dataset.items()}
    result = set()
    for model in (Event, Person, ContentItem):
        ours = model.objects.filter(pk__in=[o.pk for o in dataset.values() if type(o) is model])
        result |= {
            keys[(model, pk)] for pk in search.matching(ours, query).values_list("pk", flat=True)
        }
    return result


def test_the_table_of_queries_finds_what_an_editor_expects(dataset):
    assert len(CASES) >= 60
    wrong = []
    for query, expected in CASES:
        if expected is None:
            expected = set(dataset)
        got = found(dataset, query)
        if got != expected:
            wrong.append(
                f"{query!r}: missing {sorted(expected - got)}, extra {sorted(got - expected)}"
            )
    assert not wrong, "\n".join(wrong)

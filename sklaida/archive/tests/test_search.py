"""Searching the archive: Lithuanian stems on SQLite and PostgreSQL, criteria and facets."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from sklaida.archive.models import Asset
from sklaida.archive.search import _text
from sklaida.archive.selectors.search import AssetCriteria, asset_facets, asset_search
from sklaida.archive.tests.factories import AssetFactory
from sklaida.contacts.tests.factories import PersonFactory
from sklaida.core.models import SearchEntry
from sklaida.core.search import engine, index, index_many, matching
from sklaida.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_assets_set_aside() -> None:
    """Each test searches only the words of its own assets, not those of the demo."""
    SearchEntry.objects.filter(kind="archive.asset").delete()


def found(query: str, *, among: list[Asset] | None = None) -> set[str]:
    """The titles of the assets `query` finds (among the given ones, or all)."""
    assets = Asset.objects.all()
    if among is not None:
        assets = assets.filter(pk__in=[asset.pk for asset in among])
    return set(matching(assets, query).values_list("title", flat=True))


def vilnius(*args: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))  # noqa: DTZ001 -- made aware here


def test_a_word_in_another_case_finds_the_asset_titled_in_the_base_form():
    AssetFactory(title="Biblioteka naktį")
    AssetFactory(title="Bibliotekos kiemas")
    AssetFactory(title="Kiemas rudenį")

    assert found("bibliotekoje") == {"Biblioteka naktį", "Bibliotekos kiemas"}


def test_the_plural_finds_the_singular():
    AssetFactory(title="Vasaros renginys parke")

    assert found("renginiai") == {"Vasaros renginys parke"}


def test_every_word_of_the_query_must_match():
    AssetFactory(title="Biblioteka naktį")
    AssetFactory(title="Bibliotekos kiemas")

    assert found("bibliotekos kieme") == {"Bibliotekos kiemas"}
    assert found("biblioteka rytas") == set()


def test_people_shown_keywords_creator_event_and_file_name_are_searchable():
    shown = PersonFactory(first_name="Marytė", last_name="Melnikaitė")
    photographer = PersonFactory(first_name="Algirdas", last_name="Fotografas")
    event = EventFactory(title="Poezijos pavasaris")
    AssetFactory(
        title="Be pavadinimo",
        people=[shown],
        keywords=["skaitymai", "jaunimas"],
        creator=photographer,
        event=event,
        original_name="DSC_0042.JPG",
        place="Šiaulių kiemas",
    )

    for query in ("Melnikaitės", "skaitymuose", "Algirdo", "poezijos", "DSC_0042", "Šiauliuose"):
        assert found(query) == {"Be pavadinimo"}, query


@pytest.mark.parametrize(
    ("query", "finds"),
    [
        ('"biblioteka', True),
        ("bibliotek*", True),
        ("-biblioteka", True),
        ("(biblioteka", True),
        ('"biblioteka" (naktį)*', True),
        ("biblioteka:* & !|", True),
        ("biblioteka AND", False),  # "and" is one more word to find
        ("NEAR(biblioteka naktis)", False),
        ("'; DROP TABLE archive_asset; --", False),
        ("biblioteka OR NOT", False),
        ("½", False),  # a "word" to Python: "12" once folded
        ("biblioteka ²", False),  # "2", which no word of the asset is
        ("biblioteka ⑴", False),  # "(1)" folded: the brackets never reach the engine
    ],
)
def test_search_syntax_in_a_query_is_only_punctuation(query, finds):
    AssetFactory(title="Biblioteka naktį")

    result = found(query)  # does not fail

    assert result == ({"Biblioteka naktį"} if finds else set())


def test_a_query_without_words_leaves_the_list_as_it_is():
    assets = [AssetFactory(), AssetFactory()]

    assert len(found("  -*- ", among=assets)) == 2


def test_the_last_word_matches_as_its_start_while_the_user_types():
    AssetFactory(title="Bibliotekos kiemas")

    assert found("kiemas bibl") == {"Bibliotekos kiemas"}
    assert found("bibl kiemas") == set()  # only the last word is a prefix


def test_text_written_with_combining_marks_is_found_by_the_usual_letters():
    AssetFactory(title=unicodedata.normalize("NFD", "Šventė naktį"))

    assert len(found("šventės")) == 1


def test_a_changed_title_is_found_by_its_new_words_only():
    asset = AssetFactory(title="Biblioteka naktį")

    asset.title = "Kiemas rudenį"
    asset.save()
    index(asset)

    assert found("biblioteka") == set()
    assert found("kieme") == {"Kiemas rudenį"}


def test_reindexing_finds_an_event_by_its_new_title_in_a_few_queries():
    event = EventFactory(title="Poezijos pavasaris")
    shown = PersonFactory(first_name="Marytė", last_name="Melnikaitė")
    for n in range(6):
        AssetFactory(event=event, title=f"Nuotrauka {n}", keywords=["skaitymai"], people=[shown])
    event.title = "Rudens vakaras"
    event.save()
    assert found("rudens") == set()

    with CaptureQueriesContext(connection) as captured:
        assert index_many(Asset.objects.filter(event=event), batch=4) == 6

    assert len(found("rudens vakarai")) == 6
    assert len(found("skaitymai Melnikaitė")) == 6
    assert len(captured) <= 8  # two batches: assets, keywords, people, one upsert each


def test_the_words_of_an_unsaved_asset_are_its_own_fields():
    asset = Asset(title="Biblioteka naktį", place="Kiemas", original_name="Naktis_01.jpg")

    assert [part for part in _text(asset) if part] == ["Kiemas", "Naktis 01 jpg"]


def test_a_deleted_asset_leaves_the_index():
    asset = AssetFactory(title="Biblioteka naktį")
    asset.delete()
    AssetFactory(title="Bibliotekos kiemas")

    assert found("biblioteka") == {"Bibliotekos kiemas"}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM core_searchentry WHERE kind = 'archive.asset' "
                "AND object_id = %s",
                [asset.pk],
            )
            assert cursor.fetchone() == (0,)


def test_an_anonymised_persons_name_is_not_indexed():
    person = PersonFactory(first_name="Marytė", last_name="Melnikaitė")
    asset = AssetFactory(title="Skaitymai", people=[person])
    person.first_name = person.last_name = ""
    person.anonymised_at = timezone.now()
    person.save()

    index(asset)

    entry = SearchEntry.objects.get(kind="archive.asset", object_id=asset.pk)
    assert "melnikait" not in entry.body
    assert found("Melnikaitė") == set()


def test_the_best_match_comes_first_when_ranked():
    once = AssetFactory(title="Kiemas", description="Biblioteka.")
    often = AssetFactory(title="Biblioteka", description="Biblioteka, bibliotekos kiemas.")

    ranked = matching(Asset.objects.filter(pk__in=[once.pk, often.pk]), "biblioteka", ranked=True)

    assert [asset.pk for asset in ranked.order_by("-search_rank")] == [often.pk, once.pk]


def test_the_search_index_is_put_back_when_a_part_is_missing():
    assert engine.ensure_index(connection) is False
    asset = AssetFactory(title="Biblioteka naktį")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER core_searchentry_fts_update")
        else:
            cursor.execute("DROP INDEX core_searchentry_vector")
            cursor.execute("ALTER TABLE core_searchentry DROP COLUMN vector")
    asset.title = "Kiemas rudenį"
    asset.save()
    index(asset)

    assert engine.ensure_index(connection) is True
    assert found("kiemas") == {"Kiemas rudenį"}
    assert found("biblioteka") == set()


# Criteria and visibility


def test_the_search_applies_every_criterion(personas):
    event = EventFactory()
    shown = PersonFactory()
    creator = PersonFactory()
    wanted = AssetFactory(
        title="Bibliotekos kiemas",
        kind=Asset.Kind.VIDEO,
        event=event,
        creator=creator,
        people=[shown],
        selection=Asset.Selection.SELECTED,
        access=Asset.Access.RESTRICTED,
        # Late on New Year's Eve by UTC is already the new year in Vilnius.
        captured_at=datetime.datetime(2024, 12, 31, 23, 30, tzinfo=datetime.UTC),
    )
    AssetFactory(title="Bibliotekos kiemas", kind=Asset.Kind.VIDEO, event=event)
    criteria = AssetCriteria(
        text="bibliotekoje",
        kind="video",
        year=2025,
        event=event.pk,
        creator=creator.pk,
        access="restricted",
        selection="selected",
        person=shown.pk,
    )

    assert list(asset_search(user=personas["vadove"], criteria=criteria)) == [wanted]
    for name in ("text", "kind", "event"):
        criteria_2024 = AssetCriteria(**{name: getattr(criteria, name)}, year=2024)
        assert list(asset_search(user=personas["vadove"], criteria=criteria_2024)) == []
    assert list(asset_search(user=personas["vadove"], criteria=AssetCriteria(year=99999))) == []


def test_without_text_the_newest_photo_comes_first_and_undated_ones_last(personas):
    undated = AssetFactory(title="Švenčių eglė")
    older = AssetFactory(title="Švenčių eglė", captured_at=vilnius(2023, 12, 20, 18))
    newer = AssetFactory(title="Švenčių eglė", captured_at=vilnius(2024, 12, 20, 18))
    ids = [undated.pk, older.pk, newer.pk]

    results = asset_search(user=personas["specialiste"], criteria=AssetCriteria())

    assert [asset.pk for asset in results if asset.pk in ids] == [newer.pk, older.pk, undated.pk]


def test_a_territory_specialist_finds_no_assets_and_a_viewer_finds_them(personas):
    AssetFactory(title="Biblioteka naktį")
    criteria = AssetCriteria(text="biblioteka")

    assert not hasattr(Asset, "scope_library_field")
    assert list(asset_search(user=personas["teritorija"], criteria=criteria)) == []
    assert (
        asset_facets(queryset=asset_search(user=personas["teritorija"], criteria=criteria))["kind"]
        == []
    )
    assert [
        asset.title for asset in asset_search(user=personas["stebetojas"], criteria=criteria)
    ] == ["Biblioteka naktį"]


# Facets


def test_facets_count_each_type_year_event_creator_person_access_and_selection():
    event = EventFactory(title="Poezijos pavasaris", starts_at=vilnius(2024, 5, 10, 18))
    creator = PersonFactory(first_name="Algirdas", last_name="Fotografas")
    ona, jonas = PersonFactory(first_name="Ona"), PersonFactory(first_name="Jonas")
    assets = [
        AssetFactory(
            event=event,
            creator=creator,
            people=[ona, jonas],
            captured_at=vilnius(2024, 5, 10, 19),
            selection="selected",
        ),
        AssetFactory(
            event=event,
            creator=creator,
            people=[ona],
            captured_at=vilnius(2025, 1, 1, 0, 30),
            selection="selected",
        ),
        AssetFactory(kind="video", access="restricted", captured_at=vilnius(2024, 12, 31, 23)),
        AssetFactory(kind="document"),
    ]

    facets = asset_facets(queryset=Asset.objects.filter(pk__in=[a.pk for a in assets]))

    def counts(name):
        return [(facet.value, facet.label, facet.count) for facet in facets[name]]

    assert [(value, count) for value, _, count in counts("kind")] == [
        ("image", 2),
        ("video", 1),
        ("document", 1),
    ]
    assert counts("year") == [(2025, "2025", 1), (2024, "2024", 2)]
    assert counts("event") == [(event.pk, "Poezijos pavasaris (2024-05-10)", 2)]
    assert counts("creator") == [(creator.pk, "Algirdas Fotografas", 2)]
    assert [(value, count) for value, _, count in counts("person")] == [(ona.pk, 2), (jonas.pk, 1)]
    assert [(value, count) for value, _, count in counts("access")] == [
        ("internal", 3),
        ("restricted", 1),
    ]
    assert [(value, count) for value, _, count in counts("selection")] == [
        ("unreviewed", 2),
        ("selected", 2),
    ]


def test_facet_labels_are_the_choices_as_shown_in_the_users_language():
    asset = AssetFactory(kind="video", access="restricted", selection="rejected")

    with translation.override("en"):
        facets = asset_facets(queryset=Asset.objects.filter(pk=asset.pk))
    with translation.override("lt"):
        lithuanian = asset_facets(queryset=Asset.objects.filter(pk=asset.pk))

    assert [facets[name][0].label for name in ("kind", "access", "selection")] == [
        "Video",
        "Restricted",
        "Rejected",
    ]
    with translation.override("lt"):
        assert lithuanian["selection"][0].label == str(Asset.Selection.REJECTED.label)


def test_facets_of_a_text_search_count_only_what_it_found(personas):
    ona = PersonFactory(first_name="Ona")
    AssetFactory(title="Bibliotekos kiemas", people=[ona], kind="video")
    AssetFactory(title="Biblioteka naktį", people=[ona])
    AssetFactory(title="Kiemas rudenį", people=[ona])

    results = asset_search(
        user=personas["vadove"], criteria=AssetCriteria(text="biblioteka", person=ona.pk)
    )
    facets = asset_facets(queryset=results)

    assert results.count() == 2
    assert [(facet.value, facet.count) for facet in facets["kind"]] == [("image", 1), ("video", 1)]
    assert [(facet.value, facet.count) for facet in facets["person"]] == [(ona.pk, 2)]


def _facet_queries(count: int) -> int:
    event = EventFactory()
    people = [PersonFactory() for _ in range(3)]
    assets = [
        AssetFactory(
            event=event if n % 2 else None,
            creator=people[n % 3],
            people=people[: n % 3],
            captured_at=vilnius(2020 + n % 5, 6, 1, 12),
        )
        for n in range(count)
    ]
    queryset = Asset.objects.filter(pk__in=[asset.pk for asset in assets])
    with CaptureQueriesContext(connection) as captured:
        facets = asset_facets(queryset=queryset)
    assert sum(facet.count for facet in facets["kind"]) == count
    return len(captured)


def test_facets_take_the_same_few_queries_for_five_or_thirty_assets():
    # One bounded count decides whether facets are cheap, then five queries.
    assert _facet_queries(5) == _facet_queries(30) == 6


def test_above_the_facet_limit_the_list_says_how_to_get_facets_instead_of_counting(
    personas, client_as, monkeypatch
):
    from sklaida.archive.selectors import search as asset_search_module

    for number in range(4):
        AssetFactory(title=f"Žuvėdrynės šventė {number}")
    monkeypatch.setattr(asset_search_module, "FACET_LIMIT", 3)
    client = client_as("specialiste")

    many = client.get("/archyvas/", {"q": "zuvedrynes"}).content.decode()
    few = client.get("/archyvas/", {"q": "zuvedrynes", "kind": "video"}).content.decode()

    assert "Skaičiai pagal tipą, metus, renginį ir asmenį rodomi" in many
    assert 'href="?q=zuvedrynes&amp;kind=image"' not in many
    assert "Skaičiai pagal tipą" not in few

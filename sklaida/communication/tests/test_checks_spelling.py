import logging

import pytest
from django.core.exceptions import ValidationError

from sklaida.communication.checks import check_spelling, run_checks
from sklaida.communication.checks.dictionaries import forget_dictionaries
from sklaida.communication.models import AcceptedWord
from sklaida.communication.services.checks import add_accepted_word


def flagged(findings):
    return [finding.message for finding in findings]


def test_a_correct_lithuanian_sentence_passes():
    text = "Biblioteka kviečia į Knygų savaitę: skaitysime pasakas vaikams."
    assert check_spelling(text) == []


def test_a_misspelt_word_is_flagged_with_a_suggestion():
    findings = check_spelling("Mūsų bibliotieka atvira visiems.")
    assert len(findings) == 1
    assert "bibliotieka" in findings[0].message
    assert findings[0].suggestion == "biblioteka"


def test_numbers_addresses_and_abbreviations_are_skipped():
    text = "Rašykite info@biblioteka.lt arba žr. https://biblioteka.lt/renginiaii, 5km, LNB."
    assert check_spelling(text) == []


def test_a_word_in_the_staff_dictionary_is_accepted(db, personas):
    text = "Susitikimas su Grumbliaviru bibliotekoje."
    assert len(run_checks(text)) == 1
    add_accepted_word(user=personas["specialiste"], word="grumbliaviru")
    assert [f for f in run_checks(text) if f.rule == "spelling"] == []
    assert AcceptedWord.objects.get(word="grumbliaviru").added_by == personas["specialiste"]


@pytest.fixture
def no_dictionaries(settings, tmp_path):
    """Hunspell pointed at an empty folder; the real dictionaries are loaded again after."""
    settings.HUNSPELL_DIRECTORY = str(tmp_path)
    forget_dictionaries()
    yield tmp_path
    forget_dictionaries()


def test_without_the_dictionary_spelling_reports_nothing_and_warns_once(no_dictionaries, caplog):
    with caplog.at_level(logging.WARNING, logger="sklaida.communication.checks.dictionaries"):
        assert check_spelling("bibliotieka") == []
        assert check_spelling("bibliotieka") == []
    warnings = [
        record
        for record in caplog.records
        if record.name == "sklaida.communication.checks.dictionaries"
        and str(no_dictionaries) in record.getMessage()
    ]
    assert len(warnings) == 1
    assert "hunspell-lt" in warnings[0].getMessage()


def spelled(text, **kwargs):
    return [text[f.start : f.end] for f in check_spelling(text, **kwargs)]


def test_a_word_declined_like_a_model_word_is_accepted_in_every_case(db, personas):
    text = "Povilo Višinskio premija įteikta. Višinskiui skirta paroda, Višinskiu domisi visi."
    words = ["Višinskis", "Višinskio", "Višinskiui", "Višinskiu", "Višinskį", "Višinskiai"]
    AcceptedWord.objects.filter(word="Višinskis").delete()  # the demo's entry
    assert [w for w in words if check_spelling(w)] == words

    add_accepted_word(user=personas["specialiste"], word="Višinskis", model_word="jonaitis")

    accepted = list(AcceptedWord.objects.values_list("word", "model_word"))
    assert ("Višinskis", "Jonaitis") in accepted  # the model as the dictionary writes it
    assert [w for w in words if check_spelling(w, accepted_words=accepted)] == []
    assert [f for f in run_checks(text) if f.rule == "spelling"] == []


def test_a_word_without_a_model_word_is_accepted_in_that_form_only(db, personas):
    add_accepted_word(user=personas["specialiste"], word="Grumbliaviras")
    assert spelled("Grumbliaviras ir grumbliaviras", accepted_words=["Grumbliaviras"]) == []
    assert spelled("Grumbliaviro", accepted_words=["Grumbliaviras"]) == ["Grumbliaviro"]


def test_a_model_word_must_be_a_dictionary_base_form(db, personas):
    with pytest.raises(ValidationError):
        add_accepted_word(user=personas["specialiste"], word="Višinskutis", model_word="Jonaičio")


def test_the_demo_dictionary_knows_the_librarys_and_the_countys_names(db):
    text = (
        "Šiaulių apskrities Povilo Višinskio viešoji biblioteka kviečia į Maironio ir "
        "Salomėjos Nėries poezijos vakarą Didždvario gimnazijoje, o vasarą – prie Talšos. "
        "Svečiuosis Joniškio, Kelmės, Radviliškio, Pakruojo, Kuršėnų ir Akmenės bibliotekininkai."
    )
    assert [text[f.start : f.end] for f in run_checks(text) if f.rule == "spelling"] == []


def test_lost_diacritics_are_restored_first():
    [siauliu, renginis] = check_spelling("Siauliu Renginis vyks rytoj.")
    assert siauliu.suggestion == "Šiaulių"
    assert renginis.suggestion == "Renginys"


def test_addresses_hashtags_handles_units_and_abbreviations_are_skipped():
    text = (
        "Sekite #skaitymoiššūkis ir @sklaida.biblioteka, rašykite info@biblioteka.lt, "
        "žr. biblioteka.lt ir programa.pdf. Kaina 5 Eur, trasa 5km, pradžia 17val."
    )
    assert spelled(text) == []


def test_quoted_english_and_words_marked_foreign_are_skipped():
    text = (
        "Knygų klubas (angl. book club) skaitys „The Little Prince“, o lot. „carpe diem“ "
        "bus jo šūkis. Mus rasite „Facebook“, YouTube ir TikTok."
    )
    assert spelled(text) == []


def test_an_english_paragraph_is_checked_in_english_only():
    text = (
        "Biblioteka kviečia užsienio svečius.\n\n"
        "Welcome to the Library! The reading room is open every weekday. "
        "Please bring your libary card."
    )
    [finding] = check_spelling(text)
    assert text[finding.start : finding.end] == "libary"
    assert finding.suggestion == "library"
    assert "English" in finding.message or "anglų" in finding.message


def test_a_capitalised_word_after_a_name_or_an_initial_is_taken_for_a_surname():
    assert spelled("Susitikime kalbės J. Kazlauskaitė ir Ona Vaitkevičiūtė-Grinienė.") == []


def test_a_misspelling_after_a_name_is_still_flagged_when_it_lost_its_diacritics():
    assert spelled("Šiauliuose Renginis vyks rytoj.") == ["Renginis"]

import logging

from sklaida.communication.checks import check_spelling, run_checks
from sklaida.communication.checks.spelling import forget_dictionaries
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
    text = "Susitikimas su Šmaižiuku bibliotekoje."
    assert len(run_checks(text)) == 1
    add_accepted_word(user=personas["specialiste"], word="šmaižiuku")
    assert [f for f in run_checks(text) if f.rule == "spelling"] == []
    assert AcceptedWord.objects.get().added_by == personas["specialiste"]


def test_without_the_dictionary_spelling_reports_nothing_and_warns_once(settings, tmp_path, caplog):
    settings.HUNSPELL_DIRECTORY = str(tmp_path)
    forget_dictionaries()
    try:
        with caplog.at_level(logging.WARNING):
            assert check_spelling("bibliotieka") == []
            assert check_spelling("bibliotieka") == []
        assert sum("hunspell-lt" in record.message for record in caplog.records) == 1
    finally:
        forget_dictionaries()

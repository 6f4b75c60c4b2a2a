from sklaida.communication.checks import check_readability, readability
from sklaida.communication.checks.readability import syllables

SIMPLE = "Bibliotekoje vyks knygų savaitė. Ateik su draugais. Skaitysime pasakas. Bus arbatos."
COMPLEX = (
    "Apskrities viešosios bibliotekos Komunikacijos, kultūros ir projektų skyrius, "
    "įgyvendindamas tarptautinius bendradarbiavimo projektus ir atsižvelgdamas į bendruomenės "
    "informacinių poreikių tyrimų rezultatus, organizuoja kvalifikacijos tobulinimo renginius "
    "savivaldybių viešųjų bibliotekų darbuotojams, siekdamas stiprinti jų skaitmeninio "
    "raštingumo kompetencijas bei užtikrinti kokybiškų paslaugų prieinamumą regiono gyventojams."
)


def test_syllables_are_counted_roughly_by_vowel_groups():
    assert syllables("knyga") == 2
    assert syllables("duona") == 2  # uo is one sound
    assert syllables("bendradarbiavimo") == 6


def test_a_short_simple_text_is_easy_to_read():
    figures = readability(SIMPLE)
    assert figures.verdict == "easy"
    assert figures.sentences == 4
    assert check_readability(SIMPLE) == []


def test_a_long_complex_text_is_hard_to_read():
    figures = readability(COMPLEX)
    assert figures.verdict == "hard"
    assert figures.average_sentence_length > 30
    [finding] = check_readability(COMPLEX)
    assert "sunkiai skaitomas" in finding.message
    assert "Vidutiniškai 41,0 žodžio sakinyje" in finding.message  # Lithuanian decimal comma


def test_a_text_without_words_has_no_figure():
    assert readability("2026 — 15:00") is None

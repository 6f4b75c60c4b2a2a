from sklaida.communication.checks import check_readability, readability
from sklaida.communication.checks.readability import describe, sentences_of, syllables

SIMPLE = (
    "Bibliotekoje vyks knygų savaitė. Ateik su draugais. Skaitysime pasakas. Bus arbatos. "
    "Vaikai pieš knygų herojus. Tėvai galės pasikalbėti su rašytoja. Visi laukiami. "
    "Pradžia dešimtą valandą. Įėjimas nemokamas. Atsineškite mėgstamą knygą."
)
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
    assert figures.sentences == 10
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


def test_a_text_too_short_to_judge_gets_no_verdict():
    title = "Apskrities viešosios bibliotekos tarptautinio bendradarbiavimo konferencija"
    figures = readability(title)
    assert figures.verdict == "short"
    assert check_readability(title) == []
    assert "per trumpas" in describe(figures)


def test_abbreviations_and_initials_do_not_end_sentences():
    text = (
        "Renginys vyks 2026 m. lapkričio 25 d. 17 val. bibliotekos salėje Nr. 2. "
        "Kalbės doc. J. Jonaitis, pvz. apie tarmes, ir kt. svečiai. Tel. 8 41 52 50 93."
    )
    assert [s.strip() for s in sentences_of(text)] == [
        "Renginys vyks 2026 m. lapkričio 25 d. 17 val. bibliotekos salėje Nr. 2.",
        "Kalbės doc. J. Jonaitis, pvz. apie tarmes, ir kt. svečiai.",
        "Tel. 8 41 52 50 93.",
    ]


def test_an_abbreviation_before_a_capital_letter_may_end_a_sentence():
    assert len(sentences_of("Atvyks 20 val. Kviečiame visus.")) == 2

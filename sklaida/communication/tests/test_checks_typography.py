from sklaida.communication.checks import check_typography
from sklaida.communication.checks.typography import (
    check_dashes,
    check_dates,
    check_non_breaking_spaces,
    check_quotes,
    check_spaces,
)

NBSP = "\u00a0"


def suggestions(findings):
    return [finding.suggestion for finding in findings]


def test_lithuanian_quotes_pass():
    assert check_quotes("Prasideda „Knygų savaitė“ bibliotekoje.") == []


def test_straight_quotes_are_flagged_with_lithuanian_ones_suggested():
    text = 'Prasideda "Knygų savaitė" bibliotekoje.'
    findings = check_quotes(text)
    assert suggestions(findings) == ["„Knygų savaitė“"]
    assert text[findings[0].start : findings[0].end] == '"Knygų savaitė"'


def test_english_quotes_are_flagged():
    assert suggestions(check_quotes("Prasideda “Knygų savaitė” bibliotekoje.")) == [
        "„Knygų savaitė“"
    ]


def test_quotes_in_markup_and_addresses_are_left_alone():
    assert check_quotes('<a href="https://lt.wikipedia.org">Vikipedija</a>') == []


def test_an_en_dash_range_passes_and_a_hyphen_range_is_flagged():
    assert check_dashes("Strategija 2020–2026 metams.") == []
    assert suggestions(check_dashes("Strategija 2020-2026 metams.")) == ["2020–2026"]
    assert suggestions(check_dashes("Dirbame 10-12 val.")) == ["10–12"]
    assert suggestions(check_dashes("Renginys 10.00-12.00.")) == ["10.00–12.00"]


def test_hyphenated_words_and_numeric_dates_are_not_ranges():
    assert check_dashes("Covid-19 pandemija ir vaikų-tėvų klubas.") == []
    assert check_dashes("Data 2026-11-25.") == []


def test_a_spaced_hyphen_between_words_becomes_a_dash():
    assert suggestions(check_dashes("Skaitymas - tai kelionė.")) == [" – "]
    assert check_dashes("Skaitymas – tai kelionė.") == []


def test_a_unit_after_a_number_needs_a_non_breaking_space():
    assert suggestions(check_non_breaking_spaces("Trasa 5 km ilgio.")) == [f"5{NBSP}km"]
    assert check_non_breaking_spaces(f"Trasa 5{NBSP}km ilgio.") == []
    assert suggestions(check_non_breaking_spaces("Nuolaida 20 %.")) == [f"20{NBSP}%"]
    assert suggestions(check_non_breaking_spaces("Pradžia 10 val.")) == [f"10{NBSP}val."]
    assert suggestions(check_non_breaking_spaces("Nuo 2026 m. rudens.")) == [f"2026{NBSP}m."]


def test_words_that_begin_like_units_are_not_flagged():
    assert check_non_breaking_spaces("Į renginį atėjo 5 mokiniai ir 3 kaimynai.") == []


def test_a_lithuanian_date_passes_and_numeric_dates_get_it_suggested():
    assert check_dates("Renginys vyks 2026 m. lapkričio 25 d. bibliotekoje.") == []
    expected = f"2026{NBSP}m. lapkričio 25{NBSP}d."
    assert suggestions(check_dates("Renginys vyks 2026-11-25 bibliotekoje.")) == [expected]
    assert suggestions(check_dates("Renginys vyks 2026.11.25 bibliotekoje.")) == [expected]


def test_impossible_dates_and_dates_in_addresses_are_not_flagged():
    assert check_dates("Kodas 2026-13-45.") == []
    assert check_dates("Žr. https://biblioteka.lt/2026-11-25/renginys") == []


def test_double_spaces_are_flagged():
    assert suggestions(check_spaces("Knygų  savaitė.")) == [" "]
    assert check_spaces("Knygų savaitė.\n\nKita pastraipa.") == []


def test_all_typography_rules_together_in_text_order():
    text = 'Nuo 2026-11-25 "Knygų savaitė"  – 5 km žygis.'
    rules = [text[f.start : f.end] for f in check_typography(text)]
    assert rules == ["2026-11-25", '"Knygų savaitė"', "  ", "5 km"]


def spans(findings, text):
    return [text[f.start : f.end] for f in findings]


def test_single_straight_quotes_are_flagged_but_apostrophes_are_not():
    text = "Paroda 'Knygų savaitė' ir O'Brien'o knyga."
    findings = check_quotes(text)
    assert spans(findings, text) == ["'Knygų savaitė'"]
    assert suggestions(findings) == ["„Knygų savaitė“"]


def test_roman_numeral_ranges_get_an_en_dash():
    text = "XIV-XV a. dailė, I-V klasių mokiniai, CD-ROM ir I-oji vieta, V-I tvarka."
    assert suggestions(check_dashes(text)) == ["XIV–XV", "I–V"]


def test_day_first_and_american_dates_are_written_in_words():
    expected = f"2026{NBSP}m. gruodžio 1{NBSP}d."
    assert suggestions(check_dates("Vyks 2026.12.01 ir 01.12.2026.")) == [expected, expected]
    assert suggestions(check_dates("Vyks 2026/12/01.")) == [expected]
    assert suggestions(check_dates("Vyks 13/01/2026.")) == [f"2026{NBSP}m. sausio 13{NBSP}d."]
    assert suggestions(check_dates("Vyks 01/13/2026.")) == [f"2026{NBSP}m. sausio 13{NBSP}d."]


def test_an_ambiguous_slash_date_is_flagged_without_guessing():
    [finding] = check_dates("Vyks 12/01/2026.")
    assert finding.suggestion is None


def test_dates_in_words_in_the_wrong_order_are_flagged():
    text = "Vyks 25 lapkričio. Vyks lapkričio 25 d. 2026 m. Vyks 2026 lapkričio 25 d."
    assert suggestions(check_typography(text)) == [
        f"lapkričio 25{NBSP}d.",
        f"2026{NBSP}m. lapkričio 25{NBSP}d.",
        f"2026{NBSP}m. lapkričio 25{NBSP}d.",
    ]
    assert check_dates("Vyks 2026 m. lapkričio 25 d. ir gruodžio 3 d.") == []


def test_a_number_stays_with_nr_and_an_initial_with_its_name():
    text = "Įsakymas Nr. 5 ir Nr.6, p. 12. Kalbės J. Jonaitis ir A. B. Petraitė."
    findings = check_non_breaking_spaces(text)
    assert spans(findings, text) == [
        "Nr. 5",
        "Nr.6",
        "p. 12",
        "J. Jonaitis",
        "A. B.",
        "B. Petraitė",
    ]
    assert suggestions(findings)[0] == f"Nr.{NBSP}5"
    assert suggestions(findings)[3] == f"J.{NBSP}Jonaitis"


def test_a_number_glued_to_its_unit_is_separated_by_a_non_breaking_space():
    text = "Pradžia 17val., kaina 5Eur, nuolaida 20%, trasa 5km, 3D spausdintuvas ir MP3."
    assert suggestions(check_non_breaking_spaces(text)) == [
        f"17{NBSP}val.",
        f"5{NBSP}Eur",
        f"20{NBSP}%",
        f"5{NBSP}km",
    ]


def test_spaces_before_punctuation_and_missing_after_it_are_flagged():
    text = "Sveiki , skaitytojai ! Kviečiame:vaikus,tėvus.Ateikite."
    findings = check_spaces(text)
    assert spans(findings, text) == [
        " ,",
        " !",
        "Kviečiame:vaikus",
        "vaikus,tėvus",
        "tėvus.Ateikite",
    ]
    assert suggestions(findings) == [
        ",",
        "!",
        "Kviečiame: vaikus",
        "vaikus, tėvus",
        "tėvus. Ateikite",
    ]


def test_numbers_addresses_and_smileys_are_not_spacing_errors():
    text = "Kaina 1,5 Eur, pradžia 10:00, t.y. www.sab.lt, info@sab.lt ir sab.lt/renginiai :)"
    assert check_spaces(text) == []


def test_an_english_paragraph_keeps_its_own_typography():
    text = (
        "Kviečiame į „Knygų savaitę“.\n\n"
        'Welcome to the "Reading Week" at the library. It is held on 12/01/2026 at 10-12.'
    )
    assert check_typography(text) == []


def test_each_place_is_reported_once():
    text = "Vyks 25 d. lapkričio."
    assert spans(check_typography(text), text) == ["25 d. lapkričio"]

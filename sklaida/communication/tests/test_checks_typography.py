from sklaida.communication.checks import check_typography
from sklaida.communication.checks.typography import (
    check_dashes,
    check_dates,
    check_spaces,
    check_non_breaking_spaces,
    check_quotes,
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

"""The procedure suggested from the thresholds in force on a day, and CPV codes checked."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sklaida.procurement import cpv
from sklaida.procurement.models import Kind, Procedure, Threshold
from sklaida.procurement.thresholds import suggest_procedure

pytestmark = pytest.mark.django_db

JUNE_2025 = datetime.date(2025, 6, 1)
JUNE_2026 = datetime.date(2026, 6, 1)


def suggested(kind: str, value: str, on: datetime.date) -> str:
    return suggest_procedure(kind=kind, value=Decimal(value), on=on).procedure


def test_goods_below_seventy_thousand_are_a_low_value_procurement():
    assert suggested(Kind.GOODS, "69999.99", JUNE_2026) == Procedure.LOW_VALUE
    assert suggested(Kind.SERVICES, "1450", JUNE_2026) == Procedure.LOW_VALUE


def test_seventy_thousand_itself_is_no_longer_low_value_but_simplified():
    assert suggested(Kind.GOODS, "70000", JUNE_2026) == Procedure.SIMPLIFIED


def test_works_keep_the_low_value_procedure_up_to_their_own_higher_limit():
    assert suggested(Kind.WORKS, "173999.99", JUNE_2026) == Procedure.LOW_VALUE
    assert suggested(Kind.WORKS, "174000", JUNE_2026) == Procedure.SIMPLIFIED


def test_the_eu_thresholds_of_2024_and_of_2026_each_apply_from_their_own_day():
    # 218 000 € of goods: below the 2024 threshold (221 000), above the 2026 one (216 000).
    assert suggested(Kind.GOODS, "218000", datetime.date(2025, 12, 31)) == Procedure.SIMPLIFIED
    assert suggested(Kind.GOODS, "218000", datetime.date(2026, 1, 1)) == Procedure.INTERNATIONAL
    assert suggested(Kind.WORKS, "5450000", datetime.date(2025, 12, 31)) == Procedure.SIMPLIFIED
    assert suggested(Kind.WORKS, "5450000", datetime.date(2026, 1, 1)) == Procedure.INTERNATIONAL


def test_a_new_row_changes_the_suggestion_only_from_the_day_it_takes_effect():
    Threshold.objects.create(
        procedure=Procedure.LOW_VALUE,
        kind=Kind.GOODS,
        amount=Decimal("90000"),
        effective_from=datetime.date(2028, 7, 1),
        legal_basis="Įstatymo pakeitimas",
    )
    assert suggested(Kind.GOODS, "80000", datetime.date(2028, 6, 30)) == Procedure.SIMPLIFIED
    assert suggested(Kind.GOODS, "80000", datetime.date(2028, 7, 1)) == Procedure.LOW_VALUE
    # Services keep their own row: the law changed only for goods here.
    assert suggested(Kind.SERVICES, "80000", datetime.date(2028, 7, 1)) == Procedure.SIMPLIFIED


def test_the_suggestion_names_the_rows_it_used():
    suggestion = suggest_procedure(kind=Kind.GOODS, value=Decimal("100"), on=JUNE_2025)
    assert suggestion.low_value.amount == Decimal("70000.00")
    assert suggestion.international.amount == Decimal("221000.00")
    assert suggestion.label == "Mažos vertės pirkimas"


def test_no_suggestion_before_any_threshold_was_recorded():
    assert (
        suggest_procedure(kind=Kind.GOODS, value=Decimal("100"), on=datetime.date(2020, 1, 1))
        is None
    )


@pytest.mark.parametrize("code", ["30213100-6", "38652100-1", "79810000-5", "45453000-7"])
def test_real_cpv_codes_pass_the_check(code):
    cpv.validate_cpv(code)


@pytest.mark.parametrize("code", ["30213100-5", "30213100", "3021310-6", "30213100-6x", ""])
def test_mistyped_cpv_codes_are_refused(code):
    with pytest.raises(ValidationError):
        cpv.validate_cpv(code)


def test_a_cpv_code_typed_without_its_hyphen_gets_it():
    assert cpv.normalise(" 302131006 ") == "30213100-6"
    assert cpv.group("30213100-6") == "30213"

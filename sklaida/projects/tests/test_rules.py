"""The funders' rules checked against a draft budget and against the money spent: each
rule kept and broken, the funders' own examples, every breach named in plain Lithuanian."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from sklaida.projects.models import BudgetLine, CostCap, CostCategory, Funder, Project
from sklaida.projects.rules import check_actuals, check_budget
from sklaida.projects.tests.factories import (
    BudgetLineFactory,
    ExpenseFactory,
    FunderFactory,
    FundingCallFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

D = Decimal


def line(funder="0", own="0", other="0", category=CostCategory.FEES, title="Honorarai"):
    """A line as a draft budget holds it, not yet saved."""
    return BudgetLine(
        category=category,
        title=title,
        funder_amount=D(funder),
        own_amount=D(own),
        other_amount=D(other),
    )


def messages(breaches) -> list[str]:
    """What a person reads, with non-breaking spaces shown as plain ones."""
    return [breach.message.replace("\xa0", " ") for breach in breaches]


def rules_of(breaches) -> list[str]:
    return [breach.rule for breach in breaches]


@pytest.fixture
def council_call():
    """The Council for Culture: at most 90 %, a request between 1 000 and 30 000 €."""
    return FundingCallFactory(
        min_request=D("1000.00"), max_request=D("30000.00"), max_funding_share=D("90.00")
    )


@pytest.fixture
def creative_europe_call():
    """Creative Europe small-scale cooperation: at most 80 % and at most 200 000 €."""
    funder = FunderFactory(
        name="Programa „Kūrybiška Europa“", short_name="KE", kind=Funder.Kind.EUROPEAN
    )
    return FundingCallFactory(
        funder=funder,
        title="Mažos apimties bendradarbiavimo projektai",
        min_request=None,
        max_request=D("200000.00"),
        max_funding_share=D("80.00"),
    )


@pytest.fixture
def erasmus_call():
    """Erasmus+ small-scale partnerships: a lump sum of 30 000 or 60 000 €, nothing else."""
    funder = FunderFactory(name="Erasmus+", short_name="Erasmus+", kind=Funder.Kind.EUROPEAN)
    return FundingCallFactory(
        funder=funder,
        title="Mažos apimties partnerystės",
        min_request=None,
        max_request=None,
        max_funding_share=None,
        lump_sums="30000; 60000",
    )


# The smallest and the largest request.


def test_a_request_below_the_smallest_allowed_is_named_with_both_amounts(council_call):
    breaches = check_budget(council_call, [line(funder="900", own="100")])
    assert messages(breaches) == [
        "Prašoma 900,00 € — mažiau nei mažiausia leidžiama suma 1 000,00 €."
    ]


def test_a_request_of_exactly_the_smallest_amount_keeps_the_rule(council_call):
    assert check_budget(council_call, [line(funder="1000", own="200")]) == []


def test_a_request_above_the_largest_allowed_is_named_with_both_amounts(council_call):
    breaches = check_budget(council_call, [line(funder="31000", own="5000")])
    assert messages(breaches) == [
        "Prašoma 31 000,00 € — daugiau nei didžiausia leidžiama suma 30 000,00 €."
    ]


def test_a_request_of_exactly_the_largest_amount_keeps_the_rule(council_call):
    assert check_budget(council_call, [line(funder="30000", own="4000")]) == []


def test_the_request_is_the_sum_of_the_lines_funder_amounts(council_call):
    lines = [line(funder="20000.50", own="3000"), line(funder="10000.00", own="2000")]
    assert messages(check_budget(council_call, lines)) == [
        "Prašoma 30 000,50 € — daugiau nei didžiausia leidžiama suma 30 000,00 €."
    ]


# The funder's highest share.


def test_the_council_for_culture_refuses_to_pay_more_than_ninety_percent(council_call):
    breaches = check_budget(council_call, [line(funder="12000", own="1000")])
    assert rules_of(breaches) == ["funding_share"]
    assert messages(breaches)[0].startswith(
        "Finansuotojo dalis 92,31 % viršija leidžiamą 90,00 % — bibliotekos ir kitų "
        "šaltinių dalis turi būti bent 10,00 %."
    )
    assert (
        "Iš 13 000,00 € biudžeto finansuotojas gali skirti ne daugiau kaip 11 700,00 €"
        in (messages(breaches)[0])
    )


def test_exactly_ninety_percent_keeps_the_rule(council_call):
    assert check_budget(council_call, [line(funder="9000", own="500", other="500")]) == []


def test_a_cent_over_the_share_is_a_breach_although_both_read_ninety_percent(council_call):
    breaches = check_budget(council_call, [line(funder="9000.01", own="999.99")])
    assert rules_of(breaches) == ["funding_share"]
    message = messages(breaches)[0]
    assert "Finansuotojo dalis 90,00 % viršija leidžiamą 90,00 %" in message
    assert "ne daugiau kaip 9 000,00 €; prašoma 9 000,01 €" in message


def test_other_sources_count_as_co_financing_like_the_librarys_own(council_call):
    assert check_budget(council_call, [line(funder="9000", other="1000")]) == []


def test_a_call_without_a_share_limit_lets_the_funder_pay_everything():
    call = FundingCallFactory(max_funding_share=None, min_request=None, max_request=None)
    assert check_budget(call, [line(funder="5000")]) == []


def test_creative_europe_small_scale_cooperation_pays_at_most_eighty_percent(
    creative_europe_call,
):
    breaches = check_budget(creative_europe_call, [line(funder="180000", own="20000")])
    assert messages(breaches)[0].startswith(
        "Finansuotojo dalis 90,00 % viršija leidžiamą 80,00 % — bibliotekos ir kitų "
        "šaltinių dalis turi būti bent 20,00 %."
    )
    assert check_budget(creative_europe_call, [line(funder="160000", own="40000")]) == []


def test_creative_europe_small_scale_cooperation_pays_at_most_two_hundred_thousand(
    creative_europe_call,
):
    breaches = check_budget(
        creative_europe_call, [line(funder="210000", own="40000", other="12500")]
    )
    assert messages(breaches) == [
        "Prašoma 210 000,00 € — daugiau nei didžiausia leidžiama suma 200 000,00 €."
    ]
    assert check_budget(creative_europe_call, [line(funder="200000", own="50000")]) == []


# Lump sums.


def test_erasmus_small_scale_partnerships_fund_only_their_lump_sums(erasmus_call):
    breaches = check_budget(erasmus_call, [line(funder="45000", category=CostCategory.LUMP_SUM)])
    assert messages(breaches) == [
        "Prašoma 45 000,00 € — kvietimas skiria tik fiksuotas sumas 30 000,00 €, 60 000,00 €; "
        "prašykite lygiai vienos iš jų."
    ]


def test_a_request_of_exactly_one_lump_sum_keeps_the_rule(erasmus_call):
    for amount in ("30000", "60000.00"):
        assert check_budget(erasmus_call, [line(funder=amount)]) == []


# Cost caps.


def test_a_category_over_its_cap_is_named_with_its_share_and_the_cap(council_call):
    CostCap.objects.create(call=council_call, category=CostCategory.ADMINISTRATION, max_share=7)
    lines = [
        line(funder="8000", own="1200", title="Renginiai"),
        line(funder="800", category=CostCategory.ADMINISTRATION, title="Administravimas"),
    ]
    assert messages(check_budget(council_call, lines)) == [
        "„Administravimas“: 800,00 € — 8,00 % viso 10 000,00 € biudžeto, daugiau nei "
        "leidžiama 7,00 % (ne daugiau kaip 700,00 €)."
    ]


def test_a_category_within_its_cap_keeps_the_rule(council_call):
    CostCap.objects.create(call=council_call, category=CostCategory.ADMINISTRATION, max_share=7)
    lines = [
        line(funder="8300", own="1000"),
        line(funder="700", category=CostCategory.ADMINISTRATION),
    ]
    assert check_budget(council_call, lines) == []


# Every breach at once, and an empty budget.


def test_every_breach_is_listed_not_only_the_first(council_call):
    CostCap.objects.create(call=council_call, category=CostCategory.ADMINISTRATION, max_share=5)
    lines = [line(funder="800", category=CostCategory.ADMINISTRATION)]
    assert rules_of(check_budget(council_call, lines)) == [
        "min_request",
        "funding_share",
        "cost_cap",
    ]


def test_an_empty_budget_asks_for_nothing_and_is_told_the_smallest_request(council_call):
    assert rules_of(check_budget(council_call, [])) == ["min_request"]


# The money spent.


def project_with(call=None, *, status=Project.Status.IMPLEMENTATION, ended=False, **fields):
    today = timezone.localdate()
    return ProjectFactory(
        call=call,
        status=status,
        starts_on=today - datetime.timedelta(days=200),
        ends_on=today - datetime.timedelta(days=1 if ended else -60),
        **fields,
    )


def test_a_line_spent_past_its_plan_is_named_with_how_much_over(personas):
    project = project_with()
    fees = BudgetLineFactory(project=project, title="Lektorių honorarai", funder_amount=D("900"))
    ExpenseFactory(line=fees, amount=D("700.00"))
    ExpenseFactory(line=fees, amount=D("450.00"))
    assert messages(check_actuals(project)) == [
        "„Lektorių honorarai“: išleista 1 150,00 € — 150,00 € daugiau nei planuota 1 000,00 €."
    ]


def test_a_line_spent_to_the_last_cent_of_its_plan_is_not_overspent(personas):
    project = project_with()
    fees = BudgetLineFactory(project=project)
    ExpenseFactory(line=fees, amount=D("999.99"))
    ExpenseFactory(line=fees, amount=D("0.01"))
    assert check_actuals(project) == []


def test_when_less_is_spent_the_grant_may_be_more_than_the_funders_share_of_it(
    personas, council_call
):
    project = project_with(council_call, ended=True, granted_amount=D("9000.00"))
    line_ = BudgetLineFactory(project=project, funder_amount=D("9000"), own_amount=D("1000"))
    ExpenseFactory(line=line_, amount=D("9500.00"))
    breaches = check_actuals(project)
    assert rules_of(breaches) == ["funding_share_actual"]
    assert messages(breaches) == [
        "Finansuotojo lėšos 9 000,00 € sudaro 94,74 % faktinių išlaidų (9 500,00 €) — daugiau nei "
        "leidžiama 90,00 %. Atsiskaityti galima ne daugiau kaip už 8 550,00 €; kad būtų "
        "panaudota visa suma, projekto išlaidos turi siekti 10 000,00 €."
    ]


def test_the_whole_budget_spent_keeps_the_funders_share(personas, council_call):
    project = project_with(council_call, ended=True, granted_amount=D("9000.00"))
    line_ = BudgetLineFactory(project=project, funder_amount=D("9000"), own_amount=D("1000"))
    ExpenseFactory(line=line_, amount=D("10000.00"))
    assert check_actuals(project) == []


def test_the_funders_share_of_actuals_waits_until_the_project_has_ended(personas, council_call):
    project = project_with(council_call, ended=False, granted_amount=D("9000.00"))
    line_ = BudgetLineFactory(project=project, funder_amount=D("9000"), own_amount=D("1000"))
    ExpenseFactory(line=line_, amount=D("2000.00"))
    assert check_actuals(project) == []
    project.status = Project.Status.REPORTING
    assert rules_of(check_actuals(project)) == ["funding_share_actual"]


def test_without_a_grant_the_budgets_funder_amounts_are_the_funders_money(personas, council_call):
    project = project_with(council_call, ended=True)
    line_ = BudgetLineFactory(project=project, funder_amount=D("900"), own_amount=D("100"))
    ExpenseFactory(line=line_, amount=D("900.00"))
    assert "Finansuotojo lėšos 900,00 € sudaro 100,00 %" in messages(check_actuals(project))[0]


def test_a_cost_cap_on_actuals_counts_against_the_plan_while_the_project_runs(
    personas, council_call
):
    CostCap.objects.create(call=council_call, category=CostCategory.ADMINISTRATION, max_share=7)
    project = project_with(council_call)
    BudgetLineFactory(project=project, funder_amount=D("8100"), own_amount=D("1000"))
    admin = BudgetLineFactory(
        project=project,
        category=CostCategory.ADMINISTRATION,
        funder_amount=D("800"),
        own_amount=D("100"),
    )
    # 600 € of a 10 000 € plan is 6 %: within the cap although it is all that is spent.
    ExpenseFactory(line=admin, amount=D("600.00"))
    assert check_actuals(project) == []
    ExpenseFactory(line=admin, amount=D("150.00"))
    assert messages(check_actuals(project)) == [
        "Kategorijai „Administravimas“ išleista 750,00 € — 7,50 % iš 10 000,00 €, daugiau "
        "nei leidžiama 7,00 % (ne daugiau kaip 700,00 €)."
    ]


def test_a_cost_cap_on_actuals_counts_against_what_was_spent_once_the_project_ended(
    personas, council_call
):
    CostCap.objects.create(call=council_call, category=CostCategory.ADMINISTRATION, max_share=7)
    project = project_with(council_call, ended=True, granted_amount=D("4500"))
    fees = BudgetLineFactory(project=project, funder_amount=D("8100"), own_amount=D("1000"))
    admin = BudgetLineFactory(
        project=project, category=CostCategory.ADMINISTRATION, funder_amount=D("900")
    )
    ExpenseFactory(line=fees, amount=D("4400.00"))
    ExpenseFactory(line=admin, amount=D("600.00"))
    assert rules_of(check_actuals(project)) == ["cost_cap"]
    ExpenseFactory(line=fees, amount=D("4000.00"))
    assert check_actuals(project) == []


def test_a_project_without_a_call_is_checked_only_against_its_plan(personas):
    project = project_with(None, ended=True, granted_amount=D("100000"))
    fees = BudgetLineFactory(project=project)
    ExpenseFactory(line=fees, amount=D("500.00"))
    assert check_actuals(project) == []

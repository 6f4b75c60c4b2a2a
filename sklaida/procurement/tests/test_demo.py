"""The demo's procurement: a plan, requests at each stage, a survey of three offers,
contracts, and the request made from the archive's proposal; loaded once."""

from __future__ import annotations

from django.utils import timezone

from sklaida.archive.models import Proposal
from sklaida.procurement import demo, splitting
from sklaida.procurement.models import Contract, PlanLine, ProcurementPlan, PurchaseRequest
from sklaida.testing.pages import text_of


def test_the_demo_has_a_plan_requests_at_each_stage_a_survey_and_contracts(personas, client_as):
    year = demo.plan_year(timezone.localdate())
    plan = ProcurementPlan.objects.get(year=year)
    assert plan.lines.count() == len(demo.PLAN_LINES)
    assert set(PurchaseRequest.objects.values_list("status", flat=True)) >= {
        "draft",
        "submitted",
        "approved",
        "in_procurement",
        "contracted",
        "completed",
        "rejected",
    }
    printing = PurchaseRequest.objects.get(subject__startswith="Renginių plakatų")
    assert printing.budget_line.title == "Skaitmeninė knygelė ir plakatai"
    assert printing.survey.offers.count() == 3 and printing.survey.chosen_offer is not None
    assert Contract.objects.count() >= 3
    from_proposal = PurchaseRequest.objects.get(proposal__isnull=False)
    assert from_proposal.proposal.status == Proposal.Status.TO_PROCUREMENT
    laptops = PurchaseRequest.objects.get(subject="Nešiojamieji kompiuteriai darbuotojams")
    assert splitting.warning_for(laptops, on=timezone.localdate()) is not None
    # The approved proposal is left for the one-click button.
    assert Proposal.objects.filter(status=Proposal.Status.APPROVED).exists()

    page = text_of(client_as("vadove").get(plan.get_absolute_url()))
    assert "Bibliobusas su įranga" in page and "34100000-8" in page


def test_loading_the_demo_again_adds_nothing(personas):
    from sklaida.core.demo import load_demo

    counts = (
        PlanLine.objects.count(),
        PurchaseRequest.objects.count(),
        Contract.objects.count(),
    )
    load_demo()
    assert counts == (
        PlanLine.objects.count(),
        PurchaseRequest.objects.count(),
        Contract.objects.count(),
    )

"""The applications pipeline: applications by status and funder, requested against granted,
and each funder's success rate by year, for one year or all.

The funders here are the tests' own and the years long past, so whatever projects the
demo holds do not change the rows looked at."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from sklaida.projects.models import Funder, Project
from sklaida.projects.selectors_pipeline import pipeline
from sklaida.projects.tests.factories import (
    BudgetLineFactory,
    FunderFactory,
    FundingCallFactory,
    ProjectFactory,
)
from sklaida.testing.pages import text_of
from sklaida.testing.queries import queries_to_render

D = Decimal
S = Project.Status
URL = "/projektai/paraiskos/"


@pytest.fixture
def council(personas) -> Funder:
    return FunderFactory(name="Bandomoji kultūros taryba", short_name="BKT")


@pytest.fixture
def erasmus(personas) -> Funder:
    return FunderFactory(name="Bandomoji Erasmus+ agentūra", short_name="BEA")


def application(funder, status, *, year=2019, requested=None, granted=None, **fields):
    call = FundingCallFactory(funder=funder)
    return ProjectFactory(
        call=call,
        funder=funder,
        status=status,
        submitted_on=None if status in (S.IDEA, S.PREPARING) else datetime.date(year, 3, 1),
        requested_amount=requested,
        granted_amount=granted,
        **fields,
    )


def row(rows, name, year=None):
    return next(r for r in rows if r.name == name and (year is None or r.year == year))


def test_applications_are_counted_by_funder_with_requested_against_granted(council, erasmus):
    application(council, S.APPROVED, requested=D("10000.00"), granted=D("8000.00"))
    application(council, S.CLOSED, requested=D("5000.00"), granted=D("5000.00"))
    application(council, S.REJECTED, requested=D("12000.00"))
    application(council, S.EVALUATION, requested=D("3000.50"))
    application(erasmus, S.SUBMITTED, requested=D("60000.00"))

    result = pipeline(2019)

    bkt = row(result.by_funder, "BKT")
    assert (bkt.in_preparation, bkt.awaiting, bkt.approved, bkt.rejected) == (0, 1, 2, 1)
    assert (bkt.requested, bkt.granted) == (D("30000.50"), D("13000.00"))
    assert bkt.success_rate == D("66.67")
    bea = row(result.by_funder, "BEA")
    assert (bea.awaiting, bea.decided, bea.success_rate) == (1, 0, None)


def test_the_success_rate_is_given_per_funder_and_year(council):
    application(council, S.APPROVED, year=2018, granted=D("1000"))
    application(council, S.REJECTED, year=2018)
    application(council, S.REJECTED, year=2018)
    application(council, S.CONTRACT, year=2019, granted=D("2000"))

    result = pipeline()

    assert row(result.by_funder_and_year, "BKT", 2018).success_rate == D("33.33")
    assert row(result.by_funder_and_year, "BKT", 2019).success_rate == D("100.00")
    assert row(result.by_funder, "BKT").success_rate == D("50.00")
    assert {2018, 2019} <= set(result.years)


def test_the_year_filter_keeps_only_that_years_applications(council):
    application(council, S.APPROVED, year=2017, granted=D("1000"))
    application(council, S.REJECTED, year=2018)

    result = pipeline(2018)

    bkt = row(result.by_funder, "BKT")
    assert (bkt.approved, bkt.rejected, bkt.granted) == (0, 1, D("0.00"))
    assert [r.year for r in result.by_funder_and_year if r.name == "BKT"] == [2018]


def test_an_application_not_yet_submitted_counts_in_its_calls_deadline_year(council):
    call = FundingCallFactory(
        funder=council,
        deadline=datetime.datetime(2016, 10, 1, 12, 0, tzinfo=datetime.UTC),
    )
    ProjectFactory(call=call, funder=council, status=S.PREPARING)

    bkt = row(pipeline(2016).by_funder, "BKT")
    assert bkt.in_preparation == 1
    # Not yet asked for: its request is not added to the submitted ones.
    assert bkt.requested == D("0.00")


def test_a_request_not_typed_is_the_budgets_funder_share(council):
    project = application(council, S.SUBMITTED)
    BudgetLineFactory(project=project, funder_amount=D("1234.56"))
    BudgetLineFactory(project=project, funder_amount=D("0.44"))

    assert row(pipeline(2019).by_funder, "BKT").requested == D("1235.00")


def test_each_status_has_its_count_and_amounts(council):
    application(council, S.APPROVED, year=2015, requested=D("700"), granted=D("650"))
    application(council, S.APPROVED, year=2015, requested=D("300"), granted=D("300"))
    application(council, S.REJECTED, year=2015, requested=D("900"))

    by_status = {r.status: r for r in pipeline(2015).by_status}

    assert (by_status[S.APPROVED].count, by_status[S.APPROVED].requested) == (2, D("1000.00"))
    assert by_status[S.APPROVED].granted == D("950.00")
    assert (by_status[S.REJECTED].count, by_status[S.REJECTED].granted) == (1, D("0.00"))
    assert S.IDEA not in by_status


def test_the_page_shows_the_tables_for_the_chosen_year(client_as, council):
    application(council, S.APPROVED, year=2014, requested=D("20000"), granted=D("18000"))
    application(council, S.REJECTED, year=2014, requested=D("15000"))

    response = client_as("stebetojas").get(URL, {"year": "2014"})

    page = text_of(response)
    assert "Paraiškų suvestinė 2014" in page
    assert "Pagal būseną" in page and "Pagal finansuotoją" in page
    assert "Sėkmės rodiklis pagal finansuotoją ir metus" in page
    assert "BKT 0 0 1 1 35 000,00 € 18 000,00 € 50,00 %" in page
    assert '<option value="2014" selected>' in response.content.decode()


def test_a_year_without_applications_says_so(client_as, personas):
    page = text_of(client_as("vadove").get(URL, {"year": "1990"}))
    assert "Per šį laikotarpį paraiškų nėra." in page


def test_the_page_makes_the_same_number_of_queries_for_any_number_of_applications(
    client_as, council, erasmus
):
    client = client_as("vadove")
    application(council, S.APPROVED, granted=D("1"))
    few = queries_to_render(client, URL)
    for year in (2015, 2016, 2017):
        application(council, S.REJECTED, year=year)
        application(erasmus, S.APPROVED, year=year, granted=D("5"))
        BudgetLineFactory(project=application(erasmus, S.SUBMITTED, year=year))
    many = queries_to_render(client, URL)
    assert few == many

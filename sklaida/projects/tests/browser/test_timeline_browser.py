"""A project's timeline in a real browser: the Gantt chart draws the activities and the
milestone from the page's data, and the page passes the accessibility checks."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.projects.tests.factories import ActivityFactory, IndicatorFactory, ProjectFactory
from sklaida.testing.browser import assert_accessible


@pytest.fixture
def project(personas):
    today = timezone.localdate()
    project = ProjectFactory(
        title="Skaitome kartu",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=150),
    )
    ActivityFactory(project=project, title="Skaitymų <ciklas>", responsible=personas["vadove"])
    ActivityFactory(
        project=project,
        title="Parodos atidarymas",
        is_milestone=True,
        starts_on=today + datetime.timedelta(days=45),
        ends_on=today + datetime.timedelta(days=45),
    )
    IndicatorFactory(project=project, name="Renginių skaičius", planned=8)
    return project


def test_the_chart_draws_each_activity_and_the_page_is_accessible(sign_in, page: Page, project):
    sign_in("specialiste")
    page.goto(f"/projektai/{project.pk}/veiklos/")

    bars = page.locator("#project-gantt .bar-wrapper")
    expect(bars).to_have_count(2)
    expect(page.locator("#project-gantt .bar-label").first).to_have_text("Skaitymų <ciklas>")
    expect(page.locator("#project-gantt .bar-wrapper.gantt-milestone")).to_have_count(1)
    expect(page.get_by_role("table").first).to_contain_text("Parodos atidarymas")
    assert_accessible(page)

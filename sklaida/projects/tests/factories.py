"""Funders, calls, projects and their budgets for the projects tests."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from sklaida.core.models import Library, User
from sklaida.projects.models import (
    Activity,
    BudgetLine,
    CostCategory,
    Expense,
    Funder,
    FundingCall,
    Indicator,
    Project,
)


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funder
        django_get_or_create = ("name",)

    name = "Lietuvos kultūros taryba"
    short_name = "LKT"
    kind = Funder.Kind.NATIONAL


class FundingCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingCall

    funder = factory.SubFactory(FunderFactory)
    title = factory.Sequence(lambda n: f"Kultūros edukacija {n}")
    programme = "Kultūros edukacija"
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    min_request = Decimal("1000.00")
    max_request = Decimal("30000.00")
    max_funding_share = Decimal("90.00")
    report_within_working_days = 10


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Skaitymo iššūkis {n}")
    call = factory.SubFactory(FundingCallFactory)
    funder = factory.LazyAttribute(lambda project: project.call.funder if project.call else None)
    library = factory.LazyFunction(lambda: Library.objects.filter(kind="county").first())
    manager = factory.LazyFunction(lambda: User.objects.get(username="specialiste"))
    summary = "Vaikų ir jaunimo skaitymo skatinimas apskrities bibliotekose."


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    project = factory.SubFactory(ProjectFactory)
    category = CostCategory.FEES
    title = factory.Sequence(lambda n: f"Lektorių honorarai {n}")
    funder_amount = Decimal("900.00")
    own_amount = Decimal("100.00")


class ExpenseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expense

    line = factory.SubFactory(BudgetLineFactory)
    invoice_number = factory.Sequence(lambda n: f"SF-{n:05d}")
    invoice_date = factory.LazyFunction(timezone.localdate)
    supplier = "UAB „Knygų pasaulis“"
    amount = Decimal("150.00")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Skaitymų ciklas {n}")
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda a: a.starts_on + datetime.timedelta(days=30))


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    project = factory.SubFactory(ProjectFactory)
    name = "Renginių skaičius"
    unit = "renginiai"
    source = Indicator.Source.EVENTS
    planned = 10

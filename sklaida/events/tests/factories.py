"""Factories for events, plans, registrations and tours."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from sklaida.core.models import Library, Space, User
from sklaida.events.models import (
    ActivityPlan,
    Event,
    EventType,
    PlannedActivity,
    Registration,
    TourBooking,
)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """An aware Vilnius time on `day`."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def county_library() -> Library:
    return Library.objects.filter(kind=Library.Kind.COUNTY).first()


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Poezijos vakaras Nr. {n}")
    slug = factory.Sequence(lambda n: f"poezijos-vakaras-{n}")
    event_type = EventType.EVENT
    library = factory.LazyFunction(county_library)
    space = factory.LazyAttribute(lambda o: Space.objects.filter(library=o.library).first())
    starts_at = factory.LazyFunction(
        lambda: at(timezone.localdate() + datetime.timedelta(days=10), 18)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    responsible = factory.LazyFunction(lambda: User.objects.get(username="specialiste"))
    status = Event.Status.ANNOUNCED
    announced_at = factory.LazyFunction(timezone.now)
    summary = "Eilės ir muzika vakare bibliotekoje."
    consent_text = (
        "Duomenis tvarkome registracijai administruoti. Renginyje fotografuojama. "
        "Duomenys ištrinami praėjus 30 dienų po renginio."
    )


class ActivityPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityPlan
        django_get_or_create = ("year",)

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    title = factory.LazyAttribute(lambda o: f"{o.year} m. kultūrinės veiklos planas")


class PlannedActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedActivity
        skip_postgeneration_save = True

    plan = factory.SubFactory(ActivityPlanFactory)
    title = factory.Sequence(lambda n: f"Kūrybinės dirbtuvės vaikams Nr. {n}")
    event_type = EventType.WORKSHOP
    starts_on = datetime.date(2026, 4, 1)
    ends_on = datetime.date(2026, 6, 30)
    responsible = factory.LazyFunction(lambda: User.objects.get(username="specialiste"))


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    status = Registration.Status.CONFIRMED
    name = factory.Sequence(lambda n: f"Lankytoja {n}")
    email = factory.Sequence(lambda n: f"lankytoja{n}@pastas.example")


class TourBookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TourBooking

    library = factory.LazyFunction(county_library)
    group_type = TourBooking.GroupType.SCHOOL_CLASS
    institution = "Šiaulių „Saulės“ gimnazija"
    group_size = 24
    age = "14–15 metų"
    preferred_at = factory.LazyFunction(
        lambda: at(timezone.localdate() + datetime.timedelta(days=14), 10)
    )
    contact_name = "Rūta Mockienė"
    contact_email = "ruta.mockiene@gimnazija.example"

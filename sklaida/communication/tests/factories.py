"""Factories for communication."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from sklaida.communication.models import (
    Campaign,
    Channel,
    ContentItem,
    NewsletterIssue,
    PressMailing,
    Subscriber,
)
from sklaida.contacts.models import Person
from sklaida.contacts.tests.factories import ContactListFactory, PersonFactory
from sklaida.core.models import User


def staff(username: str = "specialiste") -> User:
    return User.objects.get(username=username)


# The smallest valid PNG: one transparent pixel, for image attachments.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def journalist(first_name: str, email: str) -> Person:
    return PersonFactory(
        first_name=first_name,
        last_name="Žurnalistė",
        email=email,
        category=Person.Category.JOURNALIST,
    )


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Bibliotekos „Facebook“ paskyra Nr. {n}")
    kind = Channel.Kind.FACEBOOK
    url = "https://www.facebook.com/biblioteka.example"
    owner = factory.LazyFunction(staff)
    text_limit = 2000


class ContentItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContentItem
        skip_postgeneration_save = True

    kind = ContentItem.Kind.NEWS
    title = factory.Sequence(lambda n: f"Bibliotekoje – nauja paroda Nr. {n}")
    slug = factory.Sequence(lambda n: f"bibliotekoje-nauja-paroda-{n}")
    summary = "Kviečiame apsilankyti naujoje parodoje."
    body = "Paroda veiks iki 2026 m. gruodžio 20 d. Įėjimas nemokamas."
    author = factory.LazyFunction(staff)


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Vasaros skaitymai Nr. {n}")
    goal = "Pakviesti vaikus ir šeimas skaityti vasarą."
    starts_on = datetime.date(2026, 6, 1)
    ends_on = datetime.date(2026, 8, 31)
    audience = "Vaikai ir šeimos"
    owner = factory.LazyFunction(staff)


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber, as after following the link in the confirmation e-mail."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"skaitytoja{n}@example.lt")
    name = factory.Sequence(lambda n: f"Rūta Nr. {n}")
    language = "lt"
    status = Subscriber.Status.ACTIVE
    consent_text = "Sutinku gauti bibliotekos naujienlaiškį; galiu bet kada atsisakyti."
    consented_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)


class NewsletterIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterIssue
        skip_postgeneration_save = True

    subject = "Bibliotekos naujienos. Gruodis"
    intro = "Sveiki! Štai kas vyks bibliotekoje artimiausiomis savaitėmis."
    created_by = factory.LazyFunction(staff)


class PressMailingFactory(factory.django.DjangoModelFactory):
    """A draft mailing of an approved press release to a list of one journalist."""

    class Meta:
        model = PressMailing
        skip_postgeneration_save = True

    item = factory.SubFactory(
        ContentItemFactory,
        kind=ContentItem.Kind.PRESS_RELEASE,
        status=ContentItem.Status.APPROVED,
    )
    contact_list = factory.LazyFunction(lambda: ContactListFactory(persons=[PersonFactory()]))
    subject = factory.SelfAttribute("item.title")
    message = "Laba diena, siunčiame pranešimą spaudai."
    created_by = factory.LazyFunction(staff)

"""Factories for communication."""

from __future__ import annotations

import datetime

import factory

from sklaida.communication.models import Campaign, Channel, ContentItem
from sklaida.core.models import User


def staff(username: str = "specialiste") -> User:
    return User.objects.get(username=username)


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

"""Factories for core data."""

from __future__ import annotations

import time

import factory
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from sklaida.core import accounts
from sklaida.core.models import Comment, Library, Space, Task, User


class LibraryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Library

    name = factory.Sequence(lambda n: f"Bandomoji savivaldybės viešoji biblioteka Nr. {n}")
    kind = Library.Kind.TERRITORY
    municipality = "Kelmės rajono savivaldybė"


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space

    library = factory.SubFactory(LibraryFactory)
    name = factory.Sequence(lambda n: f"Salė {n}")
    capacity = 40


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"naudotojas{n}")
    first_name = "Jonas"
    last_name = factory.Sequence(lambda n: f"Jonaitis{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@biblioteka.example")
    password = factory.django.Password("sklaida-test")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    title = factory.Sequence(lambda n: f"Užduotis {n}")
    owner = factory.SubFactory(UserFactory)
    created_by = factory.SelfAttribute("owner")


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    author = factory.SubFactory(UserFactory)
    body = "Pastaba"
    target = factory.SubFactory(TaskFactory)


def totp_code(device: TOTPDevice) -> str:
    """The code an authenticator app shows now, by django-otp's own TOTP from the device key."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def turn_on_two_factor(user: User) -> tuple[TOTPDevice, list[str]]:
    """Enrol an authenticator for the user as the set-up page does; returns it and the codes."""
    device = accounts.start_totp_enrolment(user=user)
    codes = accounts.confirm_totp_enrolment(user=user, device=device, code=totp_code(device))
    user.refresh_from_db()
    device.refresh_from_db()
    return device, codes

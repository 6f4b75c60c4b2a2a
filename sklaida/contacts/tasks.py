"""Background jobs of contacts: thin wrappers around importing and services."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from sklaida.contacts import importing, services
from sklaida.contacts.models import PersonImport


@task()
def check_person_import(*, import_id: int) -> str:
    return importing.check_import(PersonImport.objects.get(pk=import_id)).status


@task()
def apply_person_import(*, import_id: int) -> str:
    return importing.apply_import(PersonImport.objects.get(pk=import_id)).status


@task()
def raise_agreement_expiry_tasks() -> int:
    return services.raise_expiry_tasks(today=timezone.localdate())

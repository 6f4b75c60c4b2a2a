"""The history of changes in words: field names as the forms name them, values as the
pages show them, people added and removed by name, internal fields left out."""

from __future__ import annotations

import datetime
import re

import pytest

from sklaida.archive.models import Asset
from sklaida.archive.tests.factories import AssetFactory
from sklaida.consultations.models import Consultation
from sklaida.consultations.tests.factories import ConsultationFactory
from sklaida.core.models import Library

pytestmark = pytest.mark.django_db


def _history(page: str) -> str:
    start = page.index("Pakeitimų istorija")
    return re.sub(r"\s+", " ", page[start : page.index("</details>", start)])


def test_a_consultations_history_names_fields_values_and_people_as_the_page_does(
    client_as, personas
):
    consultation = ConsultationFactory(
        library=Library.objects.get(kind=Library.Kind.COUNTY),
        status=Consultation.Status.REQUESTED,
        date=None,
    )
    consultation.status = Consultation.Status.SCHEDULED
    consultation.date = datetime.date(2027, 1, 15)
    consultation.save()
    consultation.consultants.add(personas["specialiste"])
    consultation.consultants.remove(personas["specialiste"])

    history = _history(client_as("vadove").get(consultation.get_absolute_url()).content.decode())

    assert "Būsena: Paprašyta → Suplanuota" in history
    assert "Data: — → 2027 m. sausio 15 d." in history
    assert "Konsultantai: pridėta Ieva Kazlauskaitė" in history
    assert "Konsultantai: pašalinta Ieva Kazlauskaitė" in history
    assert "None" not in history and "operation" not in history and "type" not in history


def test_internal_fields_stay_out_of_the_history(personas, client_as):
    asset = AssetFactory(title="Atidarymas")
    asset.title = "Parodos atidarymas"
    asset.renditions = {"thumb": "archive/renditions/ab/cd.webp"}
    asset.perceptual_hash = "ffee00112233aabb"
    asset.access = Asset.Access.RESTRICTED
    asset.save()

    history = _history(client_as("vadove").get(asset.get_absolute_url()).content.decode())

    assert "Pavadinimas: Atidarymas → Parodos atidarymas" in history
    assert "Prieigos lygis: Vidinė → Ribota" in history
    assert "renditions" not in history and "webp" not in history
    assert "ffee00112233aabb" not in history and "perceptual" not in history

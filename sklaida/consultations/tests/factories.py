"""Factories for consultations."""

import datetime
from decimal import Decimal

import factory

from sklaida.consultations.models import Consultation


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    topic = Consultation.Topic.EVENTS
    form = Consultation.Form.INDIVIDUAL
    question = "Kaip pritraukti jaunimą į renginius?"
    status = Consultation.Status.DONE
    date = datetime.date(2026, 10, 1)
    duration_hours = Decimal("1.5")
    advice = "Aptarėme renginių ciklą su mokyklomis."

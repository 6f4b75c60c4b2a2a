"""The thresholds in force when Sklaida's register starts (2024-01-01) and the EU
thresholds that take effect on 2026-01-01. A later change of law is another row (admin)."""

import datetime
from decimal import Decimal

from django.db import migrations

LOW_VALUE_BASIS = (
    "Lietuvos Respublikos viešųjų pirkimų įstatymo 2 straipsnio 15 dalis: mažos vertės "
    "pirkimas – kai prekių ar paslaugų pirkimo numatoma vertė mažesnė kaip 70 000 Eur be PVM, "
    "darbų – mažesnė kaip 174 000 Eur be PVM (įrašyta taip, kaip galiojo 2024 m. sausio 1 d.)."
)
EU_2024_BASIS = (
    "Komisijos deleguotasis reglamentas (ES) 2023/2497, iš dalies keičiantis Direktyvą "
    "2014/24/ES: tarptautinio pirkimo vertės ribos kitoms (ne centrinės valdžios) perkančiosioms "
    "organizacijoms nuo 2024 m. sausio 1 d."
)
EU_2026_BASIS = (
    "Komisijos deleguotasis reglamentas, iš dalies keičiantis Direktyvą 2014/24/ES: "
    "tarptautinio pirkimo vertės ribos kitoms (ne centrinės valdžios) perkančiosioms "
    "organizacijoms nuo 2026 m. sausio 1 d."
)

# procedure, kind, amount, in force from, legal basis
ROWS = [
    ("low_value", "goods", "70000", datetime.date(2024, 1, 1), LOW_VALUE_BASIS),
    ("low_value", "services", "70000", datetime.date(2024, 1, 1), LOW_VALUE_BASIS),
    ("low_value", "works", "174000", datetime.date(2024, 1, 1), LOW_VALUE_BASIS),
    ("international", "goods", "221000", datetime.date(2024, 1, 1), EU_2024_BASIS),
    ("international", "services", "221000", datetime.date(2024, 1, 1), EU_2024_BASIS),
    ("international", "works", "5538000", datetime.date(2024, 1, 1), EU_2024_BASIS),
    ("international", "goods", "216000", datetime.date(2026, 1, 1), EU_2026_BASIS),
    ("international", "services", "216000", datetime.date(2026, 1, 1), EU_2026_BASIS),
    ("international", "works", "5404000", datetime.date(2026, 1, 1), EU_2026_BASIS),
]


def add_thresholds(apps, schema_editor):
    Threshold = apps.get_model("procurement", "Threshold")
    for procedure, kind, amount, effective_from, basis in ROWS:
        Threshold.objects.get_or_create(
            procedure=procedure,
            kind=kind,
            effective_from=effective_from,
            defaults={"amount": Decimal(amount), "legal_basis": basis},
        )


def remove_thresholds(apps, schema_editor):
    Threshold = apps.get_model("procurement", "Threshold")
    for procedure, kind, _amount, effective_from, _basis in ROWS:
        Threshold.objects.filter(
            procedure=procedure, kind=kind, effective_from=effective_from
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("procurement", "0001_initial")]

    operations = [migrations.RunPython(add_thresholds, remove_thresholds)]

"""Small registries other apps fill in from their AppConfig.ready (nothing imports upwards)."""

from __future__ import annotations

from django.db import models

_discussable: set[type[models.Model]] = set()


def register_discussable(model: type[models.Model]) -> type[models.Model]:
    """Allow comments and attachments on objects of `model`; it needs get_absolute_url."""
    _discussable.add(model)
    return model


def is_discussable(model: type[models.Model] | None) -> bool:
    return model in _discussable

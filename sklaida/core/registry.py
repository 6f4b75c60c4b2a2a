"""Small registries other apps fill in from their AppConfig.ready (nothing imports upwards)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.http import HttpRequest

_discussable: set[type[models.Model]] = set()


def register_discussable(model: type[models.Model]) -> type[models.Model]:
    """Allow comments and attachments on objects of `model`; it needs get_absolute_url."""
    _discussable.add(model)
    return model


def is_discussable(model: type[models.Model] | None) -> bool:
    return model in _discussable


@dataclass(frozen=True)
class Panel:
    """A section another app adds to an object's page: its template and what it shows."""

    template: str
    context: dict


# model label ("events.event") → functions (request, obj) → context, or None to show nothing
_panels: dict[str, list[Callable[[HttpRequest, models.Model], dict | None]]] = {}
_panel_templates: dict[Callable, str] = {}


def register_panel(
    model_label: str, template: str, context: Callable[[HttpRequest, models.Model], dict | None]
) -> None:
    """Show `template` on the page of each `model_label` object, e.g. the archive's photos
    and broadcasts on an event's page, without the event app importing the archive."""
    _panels.setdefault(model_label, []).append(context)
    _panel_templates[context] = template


def panels_for(request: HttpRequest, obj: models.Model) -> list[Panel]:
    panels = []
    for context in _panels.get(obj._meta.label_lower, []):
        shown = context(request, obj)
        if shown is not None:
            panels.append(Panel(_panel_templates[context], shown))
    return panels


# The Library's visual identity as e-mails and other apps' pages wear it: a function the
# design app registers that returns its current theme (design.theme.Theme) or None.
_brand: list[Callable[[], object | None]] = []


def register_brand(provider: Callable[[], object | None]) -> None:
    """Let lower apps' e-mails wear the brand kit without importing the design app."""
    _brand[:] = [provider]


def brand() -> object | None:
    """The current brand theme, or None when none is registered or no kit is current."""
    return _brand[0]() if _brand else None

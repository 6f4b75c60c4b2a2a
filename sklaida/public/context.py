"""What every public page needs: the Library's name."""

from __future__ import annotations

from django.http import HttpRequest

from sklaida.core.models import Library


def public_context(request: HttpRequest) -> dict:
    county = Library.objects.filter(kind=Library.Kind.COUNTY).only("name").first()
    return {"library_name": county.name if county else "Sklaida"}

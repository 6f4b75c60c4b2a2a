"""Consent of the people shown: an asset without it can never become public."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from sklaida.archive.models import Asset
from sklaida.archive.services import assets as services
from sklaida.archive.tests.factories import AssetFactory


@pytest.mark.parametrize("consent", [Asset.Consent.MISSING, Asset.Consent.REFUSED])
def test_staff_cannot_publish_a_photo_without_consent(personas, consent):
    asset = AssetFactory(consent=consent)

    with pytest.raises(ValidationError) as refused:
        services.describe_asset(
            actor=personas["specialiste"], asset=asset, changes={"access": Asset.Access.PUBLIC}
        )

    assert "access" in refused.value.message_dict
    asset.refresh_from_db()
    assert asset.access == Asset.Access.INTERNAL


def test_the_database_itself_refuses_a_public_asset_with_refused_consent(db):
    asset = AssetFactory(consent=Asset.Consent.REFUSED)

    with pytest.raises(IntegrityError), transaction.atomic():
        Asset.objects.filter(pk=asset.pk).update(access=Asset.Access.PUBLIC)


def test_documented_consent_needs_its_document_and_then_allows_publication(personas):
    asset = AssetFactory(consent=Asset.Consent.DOCUMENTED)
    with pytest.raises(ValidationError):
        services.describe_asset(
            actor=personas["specialiste"], asset=asset, changes={"access": Asset.Access.PUBLIC}
        )

    asset.consent_document.save("sutikimas.pdf", ContentFile(b"%PDF-1.4 sutikimas"), save=False)
    services.describe_asset(
        actor=personas["specialiste"], asset=asset, changes={"access": Asset.Access.PUBLIC}
    )

    asset.refresh_from_db()
    assert asset.access == Asset.Access.PUBLIC


def test_minors_shown_need_documented_consent_even_if_no_one_seemed_identifiable(personas):
    asset = AssetFactory(consent=Asset.Consent.NOT_NEEDED, minors_present=True)

    with pytest.raises(ValidationError) as refused:
        services.describe_asset(
            actor=personas["specialiste"], asset=asset, changes={"access": Asset.Access.PUBLIC}
        )

    assert refused.value.message_dict["access"] == [
        "Rodomi nepilnamečiai: turi būti įformintas jų tėvų sutikimas."
    ]


def test_the_form_explains_why_a_photo_cannot_be_public(client_as):
    asset = AssetFactory(consent=Asset.Consent.REFUSED, title="Vaikų popietė")

    response = client_as("specialiste").post(
        f"/archyvas/{asset.pk}/redaguoti/",
        {
            "title": "Vaikų popietė",
            "licence": Asset.Licence.CC_BY,
            "consent": "refused",
            "access": "public",
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["access"]
    assert errors == [Asset(consent=Asset.Consent.REFUSED).publication_blocker]
    asset.refresh_from_db()
    assert asset.access == Asset.Access.INTERNAL


def test_bulk_publishing_names_the_photos_left_internal(client_as):
    allowed = AssetFactory(consent=Asset.Consent.NOT_NEEDED, title="Salė prieš renginį")
    blocked = AssetFactory(consent=Asset.Consent.MISSING, title="Skaitytojų veidai")

    response = client_as("specialiste").post(
        "/archyvas/keisti/",
        {"assets": [allowed.pk, blocked.pk], "apply": "1", "access": "public"},
        follow=True,
    )

    allowed.refresh_from_db()
    blocked.refresh_from_db()
    assert allowed.access == Asset.Access.PUBLIC
    assert blocked.access == Asset.Access.INTERNAL
    shown = [str(message) for message in response.context["messages"]]
    assert any("Skaitytojų veidai" in message for message in shown)

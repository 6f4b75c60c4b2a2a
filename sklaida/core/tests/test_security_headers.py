"""What every answer tells the browser about what a page may do."""

from django.test import Client


def test_public_and_staff_pages_forbid_powerful_features_framing_and_type_guessing(client_as):
    for response in (Client().get("/renginiai/"), client_as("specialiste").get("/")):
        assert response.status_code == 200
        policy = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            assert feature in policy
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"

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


def test_pages_allow_scripts_and_styles_only_from_our_own_files(client_as):
    for response in (Client().get("/renginiai/"), client_as("specialiste").get("/")):
        policy = dict(
            directive.strip().split(" ", 1)
            for directive in response["Content-Security-Policy"].split(";")
        )
        assert policy["script-src"] == "'self'"
        assert policy["style-src"] == "'self'"
        assert policy["object-src"] == "'none'"
        assert policy["frame-ancestors"] == "'none'"
        page = response.content.decode()
        assert " onsubmit=" not in page and " onclick=" not in page


def test_only_the_events_widget_may_be_framed_by_other_websites(db):
    widget = Client().get("/valdikliai/renginiai.html")

    assert "frame-ancestors *" in widget["Content-Security-Policy"]
    assert "X-Frame-Options" not in widget
    assert "<style" not in widget.content.decode()

"""The public's pages. Paths are translated: /renginiai/ in Lithuanian, /en/events/ in English."""

app_name = "public"

urlpatterns: list = []

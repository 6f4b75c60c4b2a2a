"""Staff pages of communication, under /komunikacija/."""

app_name = "communication"

urlpatterns: list = []

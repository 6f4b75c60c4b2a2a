"""Load the Lithuanian demo data (only in demo mode, only into a database without real data)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sklaida.core import demo


class Command(BaseCommand):
    help = "Create demo libraries, spaces, users and tasks. Needs DEMO_MODE=1; safe to repeat."

    def handle(self, *args, **options) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "Demo data is loaded only in demo mode (DEMO_MODE=1): "
                "it creates users with a publicly known password."
            )
        foreign = demo.foreign_data()
        if foreign:
            raise CommandError(
                "This database already holds data that is not demo data ("
                + ", ".join(foreign)
                + "). Use an empty database for the demo."
            )
        users = demo.load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        self.stdout.write(
            f"Sign in at {settings.SITE_URL}/prisijungti/ with the password "
            f"“{demo.DEMO_PASSWORD}” as one of: " + ", ".join(users)
        )

"""Periodic jobs of events (see core.scheduling)."""

from sklaida.core.scheduling import PeriodicJob, register
from sklaida.events import tasks

register(PeriodicJob("tour-reminders", "0 9 * * *", tasks.send_tour_reminders))

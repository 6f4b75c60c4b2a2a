"""Periodic jobs of events (see core.scheduling)."""

from sklaida.core.scheduling import PeriodicJob, register
from sklaida.events import tasks

register(PeriodicJob("tour-reminders", "0 9 * * *", tasks.send_tour_reminders))
register(PeriodicJob("registration-reminders", "*/15 * * * *", tasks.send_registration_reminders))
register(PeriodicJob("registration-retention", "15 3 * * *", tasks.anonymise_expired_registrations))
register(PeriodicJob("tour-retention", "30 3 * * *", tasks.anonymise_old_tour_requests))

"""Periodic jobs of communication (see core.scheduling)."""

from sklaida.communication import tasks
from sklaida.core.scheduling import PeriodicJob, register

register(PeriodicJob("newsletter-retention", "0 4 * * *", tasks.purge_stale_subscribers))

"""Periodic jobs of communication (see core.scheduling)."""

from sklaida.communication import tasks
from sklaida.core.scheduling import PeriodicJob, register

# A sending job whose worker died is picked up within a minute of SENDING_STALLED_AFTER.
register(PeriodicJob("resume-stalled-sending", "* * * * *", tasks.resume_stalled_sending))
register(PeriodicJob("newsletter-retention", "0 4 * * *", tasks.purge_stale_subscribers))

"""Periodic jobs of contacts (see core.scheduling)."""

from sklaida.contacts import tasks
from sklaida.core.scheduling import PeriodicJob, register

register(PeriodicJob("agreement-expiry-tasks", "30 6 * * *", tasks.raise_agreement_expiry_tasks))

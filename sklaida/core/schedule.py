"""The core's periodic jobs (see core.scheduling)."""

from sklaida.core import tasks
from sklaida.core.scheduling import PeriodicJob, register

register(PeriodicJob("queue-heartbeat", "* * * * *", tasks.record_queue_heartbeat))
register(PeriodicJob("task-reminders", "0 7 * * *", tasks.send_task_reminders))
register(PeriodicJob("outbox-retry", "*/10 * * * *", tasks.retry_outgoing_emails))
register(PeriodicJob("job-results-pruning", "45 3 * * *", tasks.prune_job_results))
register(PeriodicJob("sign-in-log-retention", "45 3 * * *", tasks.delete_old_sign_in_logs))

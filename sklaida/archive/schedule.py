"""Periodic jobs of the archive (see core.scheduling)."""

from sklaida.archive import tasks
from sklaida.core.scheduling import PeriodicJob, register

# Sunday night, when nobody uploads: re-reading every original takes hours on a big archive.
register(PeriodicJob("archive-fixity-audit", "30 1 * * 1", tasks.run_fixity_audit))
# Every night: uploads nobody finished for a week give their disk space back.
register(PeriodicJob("archive-abandoned-uploads", "15 3 * * *", tasks.discard_abandoned_uploads))
# Every hour: a file whose renditions job lost its worker is tried again, then failed.
register(PeriodicJob("archive-stalled-renditions", "40 * * * *", tasks.recover_stalled_renditions))

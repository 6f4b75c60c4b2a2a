"""Background jobs that people follow on a page: a job that fails says so on its row.

A job with a progress page (a newsletter issue, a press mailing, a contact import) keeps
its state on a row that the page polls. A job that raises would leave that row "working"
and the page at the same percentage for ever, while the failure sat only in the queue's
own records, which nobody who started the job reads. `failure_recorded` writes the
failure onto the row (status "failed" and what went wrong) and then lets the exception
go on, so the queue records the job as failed too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models

logger = logging.getLogger(__name__)

FAILED = "failed"


class JobFailure(Exception):
    """A failure whose text is already written for the person who started the job."""


def describe(error: BaseException) -> str:
    """What went wrong, in words a page can show under its own explanation of what to do."""
    if isinstance(error, JobFailure):
        return str(error)
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    detail = str(error)
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


@contextmanager
def failure_recorded(
    row: models.Model,
    *,
    status_field: str = "status",
    error_field: str = "error",
    only_if: dict | None = None,
    **also,
) -> Iterator[None]:
    """Run a job's work; if it raises, mark `row` failed with the error's words, then re-raise.

    `also` names further fields to set on failure (e.g. a progress counter back to 0);
    `only_if` are conditions the row must still meet (e.g. that this run still holds it).
    The row is written with one UPDATE outside whatever the job had in hand, so a job
    that failed halfway through a transaction still leaves its failure on record.
    """
    try:
        yield
    except Exception as error:
        logger.exception("%s %s failed", row._meta.label, row.pk)
        error_text = describe(error)[: row._meta.get_field(error_field).max_length or 2000]
        fields = {status_field: FAILED, error_field: error_text, **also}
        try:
            type(row)._default_manager.filter(pk=row.pk, **(only_if or {})).update(**fields)
        except Exception:
            # The database itself may be what failed; the queue still records the error.
            logger.exception("Could not record the failure of %s %s", row._meta.label, row.pk)
        else:
            for name, value in fields.items():
                setattr(row, name, value)
        raise

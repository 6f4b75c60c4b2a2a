"""Pages of a list whose count stops at COUNT_CAP: a list of a million photos, or a common
word among them, says "10 000+" instead of counting every row on each page view."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from sklaida.core.formatting import format_number

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A Paginator whose `count` is at most `cap`; `is_capped` says there are more (the
    pages beyond the cap are not offered: narrowing the search shows them)."""

    def __init__(self, object_list, per_page: int, *, cap: int | None = None, **kwargs) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.cap = COUNT_CAP if cap is None else cap

    @cached_property
    def _bounded_count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            return self.object_list.order_by().values("pk")[: self.cap + 1].count()
        return len(self.object_list)

    @cached_property
    def count(self) -> int:
        return min(self._bounded_count, self.cap)

    @property
    def is_capped(self) -> bool:
        return self._bounded_count > self.cap

    @property
    def count_label(self) -> str:
        """The count as shown: "7 350", or "10 000+" when capped."""
        return format_number(self.count) + ("+" if self.is_capped else "")

    @property
    def num_pages_label(self) -> str:
        return format_number(self.num_pages) + ("+" if self.is_capped else "")

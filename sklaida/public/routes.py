"""Public paths fixed in code: Lithuanian without a prefix, English under /en/.

Other tools (posters' QR codes, partners' sites, calendar subscriptions) link to these
addresses, so they live here rather than in the translation catalogue, where a
retranslation would silently move them. Django resolves and reverses a lazy route in the
active language, exactly as it does a gettext_lazy one, so `reverse` and `translate_url`
work unchanged.
"""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import get_language


def _route_in_current_language(english: str, lithuanian: str) -> str:
    return english if (get_language() or "").startswith("en") else lithuanian


_lazy_route = lazy(_route_in_current_language, str)


def localised_route(*, en: str, lt: str) -> str:
    """A route that reads `lt` on Lithuanian pages and `en` on English ones."""
    return _lazy_route(en, lt)

"""How quantities, sums of money and spans of time read in the user's language.

Django groups thousands only where `USE_THOUSAND_SEPARATOR` is on, and then in every
number a template prints — primary keys in addresses, years, form values. We keep it off
and group where a quantity is shown (the `number` and `money` filters in
`core/templatetags/sklaida.py`, these functions in Python): "7 350", "1 234,50 €",
"2026 m. gruodžio 1 d. 10:00 – gruodžio 3 d. 18:00" in Lithuanian, "7,350" and "€1,234.50"
in English. See docs/ARCHITECTURE.md, "Translations and formats".
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats
from django.utils.timezone import localtime
from django.utils.translation import gettext


def format_number(value, decimal_places: int | None = None) -> str:
    """A quantity with its thousands grouped: 7350 → "7 350" (lt) or "7,350" (en).

    `decimal_places` fixes the decimals (2 for money: 1234.5 → "1 234,50"); without it a
    decimal keeps only the decimals it needs (2.50 → "2,5", 4.00 → "4"). None and "" give "";
    anything that is not a number comes back as it was.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, int) and decimal_places is None:
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not amount.is_finite():
        return str(value)
    if decimal_places is None:
        integral = amount == amount.to_integral()
        amount = amount.quantize(Decimal(1)) if integral else amount.normalize()
    else:
        amount = amount.quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    return formats.number_format(
        amount, decimal_pos=decimal_places, use_l10n=True, force_grouping=True
    )


def format_money(value) -> str:
    """A sum in euros with two decimals: "1 234,50 €" (lt), "€1,234.50" (en); None gives ""."""
    if value is None or value == "":
        return ""
    # The sign's place is the language's; the space the translation puts beside it never
    # breaks, so the sign is not left alone at the start of a line.
    return (gettext("€%(amount)s") % {"amount": format_number(value, 2)}).replace(" ", "\xa0")


def format_moment(moment: datetime.datetime, *, with_year: bool = True) -> str:
    """A date and time in Vilnius: "2026 m. gruodžio 1 d. 10:00" or, without the year,
    "gruodžio 3 d. 18:00"."""
    local = localtime(moment)
    return gettext("%(date)s, %(time)s") % {
        "date": formats.date_format(local, "DATE_FORMAT" if with_year else "MONTH_DAY_FORMAT"),
        "time": formats.time_format(local, "TIME_FORMAT"),
    }


def format_period(starts_at: datetime.datetime, ends_at: datetime.datetime) -> str:
    """A span of time in Vilnius, each day named once.

    "2026 m. gruodžio 1 d. 10:00–12:00" within a day; "2026 m. gruodžio 1 d. 10:00 –
    gruodžio 3 d. 18:00" across days (the year again only when it changes).
    """
    starts, ends = localtime(starts_at), localtime(ends_at)
    if starts.date() == ends.date():
        return gettext("%(date)s, %(start)s–%(end)s") % {
            "date": formats.date_format(starts, "DATE_FORMAT"),
            "start": formats.time_format(starts, "TIME_FORMAT"),
            "end": formats.time_format(ends, "TIME_FORMAT"),
        }
    return f"{format_moment(starts)} – {format_moment(ends, with_year=ends.year != starts.year)}"

"""Lithuanian formats: Django's, with the thousands separator Lithuanian writing uses."""

from django.conf.locale.lt.formats import *  # noqa: F403

# "1 234 567,89": a non-breaking space groups thousands, a comma separates decimals.
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3

"""The public calendar's filter (its field names are the query string of pages and feeds),
and what the public forms share."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sklaida.core.forms import ANY_MASCULINE, DateInput
from sklaida.events.models import AudienceGroup, EventType
from sklaida.public.selectors import PublicFilter

# Addresses longer than the database's column (254, as RFC 5321 allows) are refused here,
# with words, rather than by the database.
EMAIL_TOO_LONG = _("An e-mail address may have at most %(limit_value)d characters.")


class CalendarFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    event_type = forms.ChoiceField(
        label=_("Type"),
        choices=[
            ("", ANY_MASCULINE),
            *EventType.choices,
        ],
        required=False,
    )
    audience = forms.ChoiceField(
        label=_("For whom"), choices=[("", _("Everyone")), *AudienceGroup.choices], required=False
    )
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Until date"), required=False, widget=DateInput())

    def criteria(self) -> PublicFilter:
        """The filter from the fields that are valid; a wrong value is ignored, not an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return PublicFilter(
            event_type=data.get("event_type") or "",
            audience=data.get("audience") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            query=data.get("q") or "",
        )

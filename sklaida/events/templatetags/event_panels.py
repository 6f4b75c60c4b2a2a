"""The data of the provision, participants and exhibition panels on the event page.

The event page's view belongs to the event register; these tags let its panels
(`_event_provision.html`, `_event_attendance.html`, `_event_exhibition.html`) read what they
show through the selectors, from the event that `selectors.events.event_for` prefetched.
"""

from __future__ import annotations

from django import template
from django.utils import timezone

from sklaida.events.models import Event
from sklaida.events.selectors import provision as provision_selectors
from sklaida.events.views.attendance import AttendanceForm
from sklaida.events.views.exhibitions import VisitorCountForm
from sklaida.events.views.provision import ApplyTemplateForm

register = template.Library()


@register.simple_tag
def provision_panel(event: Event) -> dict:
    return {
        "groups": provision_selectors.provision_by_area(event=event, today=timezone.localdate()),
        "apply_form": ApplyTemplateForm(event=event),
        "may_provision": event.status not in {Event.Status.CANCELLED, Event.Status.REPORTED},
    }


@register.simple_tag
def attendance_panel(event: Event) -> dict:
    rows = list(event.attendance.all())
    on_site = sum(row.on_site for row in rows)
    online = sum(row.online for row in rows)
    return {
        "rows": rows,
        "split": any(row.audience_id for row in rows),
        "totals": {"on_site": on_site, "online": online, "total": on_site + online},
        # Participants are counted once the event has begun.
        "form": AttendanceForm(event=event) if event.starts_at <= timezone.now() else None,
    }


@register.simple_tag
def exhibition_panel(event: Event) -> dict:
    counts = list(event.visitor_counts.all())
    return {
        "exhibits": list(event.exhibits.all()),
        "counts": counts,
        "total_visitors": sum(count.visitors for count in counts),
        "visitor_form": VisitorCountForm(initial={"counted_on": timezone.localdate()}),
    }

"""Events and cultural activity (2.1–2.4). One module per part; import from here."""

from sklaida.events.models.choices import AudienceGroup, EventType
from sklaida.events.models.events import (
    Attendance,
    Audience,
    Event,
    EventSeries,
    Exhibit,
    VisitorCount,
)
from sklaida.events.models.plans import ActivityPlan, PlannedActivity
from sklaida.events.models.provision import (
    ProvisionArea,
    ProvisionItem,
    ProvisionTemplate,
    ProvisionTemplateItem,
)
from sklaida.events.models.registration import Registration, RegistrationQuestion
from sklaida.events.models.tours import TourBooking

__all__ = [
    "ActivityPlan",
    "Attendance",
    "Audience",
    "AudienceGroup",
    "Event",
    "EventSeries",
    "EventType",
    "Exhibit",
    "PlannedActivity",
    "ProvisionArea",
    "ProvisionItem",
    "ProvisionTemplate",
    "ProvisionTemplateItem",
    "Registration",
    "RegistrationQuestion",
    "TourBooking",
    "VisitorCount",
]

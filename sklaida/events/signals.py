"""What events tell the apps above them without importing them (design requests follow
provision items and moved events)."""

from django.dispatch import Signal

# Sent inside the transaction that adds the item: `item` (ProvisionItem), `actor` (User).
provision_item_added = Signal()
# Sent when an event's day changes: `event`, `shift` (datetime.timedelta of whole days).
event_rescheduled = Signal()

"""The main menu: each area adds its entry when its app is ready; nothing else shows.

The department's five areas follow the regulation (1 communication, 2 events,
3 photography and archive, 4 design, 5 projects); an area that is not built yet has
registered nothing, so no empty page is ever linked.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.functional import Promise

from sklaida.core.permissions import Capability, has_capability


@dataclass(frozen=True)
class MenuEntry:
    label: str | Promise
    url_name: str
    order: int
    # Who sees the entry; None means every signed-in user.
    capabilities: tuple[Capability, ...] | None = None
    # Mark the entry current for URLs under this prefix (the url's own path by default).
    active_prefix: str | None = None
    # Shown only when the system runs as a demo (DEMO_MODE), e.g. the demo's mailbox.
    demo_only: bool = False
    # Listed in the user's own menu (beside the profile) rather than on the menu bar, which
    # has room for the department's areas only.
    in_user_menu: bool = False

    def visible_to(self, user) -> bool:
        if self.demo_only and not settings.DEMO_MODE:
            return False
        if self.capabilities is None:
            return True
        return any(has_capability(user, capability) for capability in self.capabilities)


_menu: dict[str, MenuEntry] = {}


def register(entry: MenuEntry) -> None:
    _menu[entry.url_name] = entry


def menu_for(user, current_path: str) -> list[dict]:
    items = []
    for entry in sorted(_menu.values(), key=lambda e: e.order):
        if not entry.visible_to(user):
            continue
        url = reverse(entry.url_name)
        prefix = entry.active_prefix or url
        active = current_path == url if prefix == "/" else current_path.startswith(prefix)
        items.append(
            {
                "label": entry.label,
                "url": url,
                "active": active,
                "in_user_menu": entry.in_user_menu,
            }
        )
    return items

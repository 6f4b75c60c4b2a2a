from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationConfig(AppConfig):
    name = "sklaida.communication"
    label = "communication"
    verbose_name = _("Communication")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from sklaida.communication import providers
        from sklaida.communication.models import Campaign, ContentItem
        from sklaida.contacts import history
        from sklaida.contacts.models import Person
        from sklaida.core import navigation, registry
        from sklaida.core.permissions import Capability

        for model in (ContentItem, Campaign):
            registry.register_discussable(model)
        history.register("communication.press", providers.press_mailings_of)
        post_save.connect(person_saved, sender=Person, dispatch_uid="communication-anonymised")
        navigation.register(
            navigation.MenuEntry(
                _("Communication"),
                "communication:item_list",
                order=130,
                capabilities=(Capability.READ_DEPARTMENT,),
                active_prefix="/komunikacija/",
            )
        )


def person_saved(instance, **kwargs) -> None:
    """An anonymised person's name and address go from the press mailings they received too.

    Contacts' anonymisation cannot know this app's copies (nothing imports upwards), so
    this app listens for it.
    """
    if instance.anonymised_at:
        from sklaida.communication.services.press import erase_addresses_of

        erase_addresses_of(instance)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "sklaida.contacts"
    label = "contacts"
    verbose_name = _("Contacts")

    def ready(self) -> None:
        from sklaida.contacts import history, privacy, providers, search
        from sklaida.contacts.models import Agreement, Organisation, Person
        from sklaida.core import navigation, registry
        from sklaida.core.permissions import Capability

        for model in (Organisation, Person, Agreement):
            registry.register_discussable(model)
        privacy.register_places()
        search.register()
        history.register("contacts.interactions", providers.interactions)
        history.register("contacts.agreements", providers.agreements)
        navigation.register(
            navigation.MenuEntry(
                _("Contacts"),
                "contacts:person_list",
                order=150,
                capabilities=(Capability.READ_DEPARTMENT,),
                active_prefix="/kontaktai/",
            )
        )

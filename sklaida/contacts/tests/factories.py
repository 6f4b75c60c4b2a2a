"""Factories for contacts."""

from __future__ import annotations

import factory

from sklaida.contacts.models import ContactList, Interaction, Membership, Organisation, Person


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Bandomoji organizacija {n}")
    kind = Organisation.Kind.PARTNER


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = "Ona"
    last_name = factory.Sequence(lambda n: f"Onaitytė{n}")
    email = factory.Sequence(lambda n: f"ona{n}@pastas.example")
    legal_basis = Person.LegalBasis.LEGITIMATE_INTEREST


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "redaktorė"


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction
        skip_postgeneration_save = True

    kind = Interaction.Kind.CALL
    date = factory.Faker("date_this_year")
    summary = "Aptarėme renginio anonsą."

    @factory.post_generation
    def persons(interaction, create, extracted, **kwargs):
        if create and extracted:
            interaction.persons.set(extracted)


class ContactListFactory(factory.django.DjangoModelFactory):
    """A hand-picked list; `ContactListFactory(persons=[...])` puts persons on it."""

    class Meta:
        model = ContactList
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Regiono žiniasklaida Nr. {n}")
    kind = ContactList.Kind.MANUAL

    @factory.post_generation
    def persons(contact_list, create, extracted, **kwargs):
        if create and extracted:
            contact_list.persons.set(extracted)

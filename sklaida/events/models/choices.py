"""Vocabularies shared by plans, events and statistics."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    EVENT = "event", _("Event")
    EXHIBITION = "exhibition", _("Exhibition")
    EDUCATION = "education", _("Educational activity")
    EXCURSION = "excursion", _("Excursion")
    LECTURE = "lecture", _("Lecture")
    BOOK_PRESENTATION = "book_presentation", _("Book presentation")
    CONCERT = "concert", _("Concert")
    SCREENING = "screening", _("Screening")
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")


class AudienceGroup(models.TextChoices):
    """Audience groups as the department reports them (SPEC: Events and cultural activity)."""

    CHILDREN = "children", _("Children")
    YOUTH = "youth", _("Youth")
    ADULTS = "adults", _("Adults")
    SENIORS = "seniors", _("Seniors")
    DISABILITIES = "disabilities", _("People with disabilities")
    FAMILIES = "families", _("Families")
    PROFESSIONALS = "professionals", _("Library specialists")

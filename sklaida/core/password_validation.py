"""Django's password rules with help texts in Lithuanian.

Django 5 writes three of its rules' help texts with a typographic apostrophe ("can’t"), while
its Lithuanian catalogue still translates the old "can't": the password pages showed those
three in English. The same words are ours here, so our catalogue translates them.
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import gettext


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_help_text(self) -> str:
        return gettext("Your password can’t be too similar to your other personal information.")


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_help_text(self) -> str:
        return gettext("Your password can’t be a commonly used password.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_help_text(self) -> str:
        return gettext("Your password can’t be entirely numeric.")

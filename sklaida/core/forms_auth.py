"""Sign-in forms: Lithuanian wording, and the password-reset e-mail sent in the background."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sklaida.core.notifications import render_plain_text, render_subject


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The user name or the password is wrong. Capital and small letters count in both."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "naudotojas", the word Lithuanian standard language uses, not Django's "vartotojas".
        self.fields["username"].label = _("User name")


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, written in the user's language and sent by a background job."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        from sklaida.core.tasks import send_email

        with translation.override(context["user"].language):
            subject = render_subject(subject_template_name, context)
            body = render_plain_text(email_template_name, context)
        transaction.on_commit(lambda: send_email.enqueue(to=[to_email], subject=subject, body=body))

"""Sign-in and account forms: Lithuanian wording, the password-reset e-mail sent in the
background, the second-factor code, a new e-mail address."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sklaida.core.notifications import render_plain_text, render_subject


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The user name or the password is wrong. Capital and small letters count in both."
        ),
    }

    remember = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "naudotojas", the word Lithuanian standard language uses, not Django's "vartotojas".
        self.fields["username"].label = _("User name")
        days = settings.SESSION_REMEMBER_DAYS
        self.fields["remember"].label = ngettext(
            "Keep me signed in for %(days)d day", "Keep me signed in for %(days)d days", days
        ) % {"days": days}
        hours = settings.SESSION_COOKIE_AGE / 3600
        self.fields["remember"].help_text = ngettext(
            "Only on a computer no one else uses. Otherwise you are signed out when the "
            "browser closes, and after %(hours)s hour at the latest.",
            "Only on a computer no one else uses. Otherwise you are signed out when the "
            "browser closes, and after %(hours)s hours at the latest.",
            # gettext counts whole numbers; a fraction reads like two ("8,5 valandos").
            int(hours) if hours.is_integer() else 2,
        ) % {"hours": formats.number_format(hours, decimal_pos=0 if hours.is_integer() else 1)}


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
        from sklaida.core.outbox import queue_email

        with translation.override(context["user"].language):
            subject = render_subject(subject_template_name, context)
            body = render_plain_text(email_template_name, context)
        queue_email(to=[to_email], subject=subject, body=body)


class SecondFactorForm(forms.Form):
    """The code from the authenticator app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_(
            "The six digits your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def __init__(self, *args, autofocus: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # On the sign-in code page the code is all there is to type.
        if autofocus:
            self.fields["code"].widget.attrs["autofocus"] = True


class TotpConfirmForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=10,
        help_text=_("The six digits the app shows after you added Sklaida to it."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(
        label=_("New e-mail address"),
        help_text=_(
            "We send a link to the new address; it becomes yours when you open it. "
            "Your current address is told about the change."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

"""The form of a press mailing: to which list, the subject, a covering message, which files."""

from __future__ import annotations

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from sklaida.communication.models import ContentItem
from sklaida.contacts.models import ContactList
from sklaida.core.models import Attachment
from sklaida.core.selectors import attachments_on


class AttachmentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Attachment) -> str:
        return f"{obj.original_name} ({filesizeformat(obj.size)})"


class PressMailingForm(forms.Form):
    contact_list = forms.ModelChoiceField(
        label=_("Contact list"), queryset=ContactList.objects.order_by("name")
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(
        label=_("Covering message"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few words to the journalists, above the press release."),
    )
    attachments = AttachmentChoiceField(
        label=_("Attach files"),
        queryset=Attachment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The press release's own files; add them on its page."),
    )

    def __init__(self, *args, item: ContentItem, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attachments"].queryset = attachments_on(item)

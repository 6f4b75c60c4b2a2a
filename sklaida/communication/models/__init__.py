"""Communication and PR (1.1–1.3, 1.6). One module per part; import from here."""

from sklaida.communication.models.channels import AudienceSize, Campaign, CampaignTarget, Channel
from sklaida.communication.models.content import (
    ChannelVariant,
    ContentItem,
    ContentVersion,
    StatusChange,
)
from sklaida.communication.models.newsletter import Delivery, NewsletterIssue, Subscriber
from sklaida.communication.models.press import PressMailing, PressRecipient

__all__ = [
    "AudienceSize",
    "Campaign",
    "CampaignTarget",
    "Channel",
    "ChannelVariant",
    "ContentItem",
    "ContentVersion",
    "StatusChange",
    "Delivery",
    "NewsletterIssue",
    "Subscriber",
    "PressMailing",
    "PressRecipient",
]

from sklaida.communication.models.checks import AcceptedWord, LinkCheck

__all__ += ["AcceptedWord", "LinkCheck"]

"""Who may use each communication URL (checked by core/tests/test_access_matrix.py)."""

from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule

EXPECTED_ACCESS: dict[str, Rule] = {}


def _accepted_word(data: dict) -> dict:
    from sklaida.communication.models import AcceptedWord

    word = AcceptedWord.objects.create(word=f"Žodis{AcceptedWord.objects.count()}")
    return {"pk": word.pk}


# Content items, workflow, versions and channel variants; channels and campaigns (content part).
def _item(data: dict) -> dict:
    from sklaida.communication.tests.factories import ContentItemFactory

    return {"pk": ContentItemFactory().pk}


def _variant(data: dict) -> dict:
    from sklaida.communication.models import ChannelVariant
    from sklaida.communication.tests.factories import ChannelFactory, ContentItemFactory

    variant = ChannelVariant.objects.create(
        item=ContentItemFactory(), channel=ChannelFactory(), text="Kviečiame į parodą."
    )
    return {"pk": variant.pk}


def _channel(data: dict) -> dict:
    from sklaida.communication.tests.factories import ChannelFactory

    return {"pk": ChannelFactory().pk}


def _campaign(data: dict) -> dict:
    from sklaida.communication.tests.factories import CampaignFactory

    return {"pk": CampaignFactory().pk}


def _draft_issue(data: dict) -> dict:
    """A fresh draft issue (sending one makes it no longer a draft)."""
    from sklaida.communication.models import NewsletterIssue

    issue = NewsletterIssue.objects.create(
        subject="Bibliotekos naujienos. Gruodis", intro="Sveiki!", created_by=data["vadove"]
    )
    return {"pk": issue.pk}


def _press_release(data: dict) -> dict:
    from sklaida.communication.models import ContentItem
    from sklaida.communication.tests.factories import ContentItemFactory

    item = ContentItemFactory(
        kind=ContentItem.Kind.PRESS_RELEASE, status=ContentItem.Status.APPROVED
    )
    return {"pk": item.pk}


def _draft_mailing(data: dict) -> dict:
    """A fresh draft mailing to a list of one journalist (sending makes it no longer a draft)."""
    from sklaida.communication.tests.factories import PressMailingFactory

    return {"pk": PressMailingFactory(created_by=data["vadove"]).pk}


EXPECTED_ACCESS.update(
    {
        "communication:check_text": Rule(
            DEPARTMENT_WORKERS,
            method="POST",
            data=lambda data: {"text": "Knygų savaitė bibliotekoje."},
        ),
        "communication:dictionary": Rule(DEPARTMENT),
        "communication:dictionary_add": Rule(
            DEPARTMENT_WORKERS, method="POST", data=lambda data: {"word": "Šiaulėnai"}
        ),
        "communication:dictionary_delete": Rule(
            DEPARTMENT_WORKERS, method="POST", kwargs=_accepted_word
        ),
        "communication:item_list": Rule(DEPARTMENT),
        "communication:calendar": Rule(DEPARTMENT),
        "communication:item_create": Rule(DEPARTMENT_WORKERS),
        "communication:item_detail": Rule(DEPARTMENT, kwargs=_item),
        "communication:item_update": Rule(DEPARTMENT_WORKERS, kwargs=_item),
        "communication:item_status": Rule(
            DEPARTMENT_WORKERS, method="POST", kwargs=_item, data=lambda data: {"status": "draft"}
        ),
        "communication:item_reschedule": Rule(
            DEPARTMENT_WORKERS,
            method="POST",
            kwargs=_item,
            data=lambda data: {"date": "2026-12-01", "time": "10:00"},
        ),
        "communication:variant_reschedule": Rule(
            DEPARTMENT_WORKERS,
            method="POST",
            kwargs=_variant,
            data=lambda data: {"date": "2026-12-01", "time": "10:00"},
        ),
        "communication:item_versions": Rule(DEPARTMENT, kwargs=_item),
        "communication:variant_create": Rule(DEPARTMENT_WORKERS, kwargs=_item),
        "communication:variant_update": Rule(DEPARTMENT_WORKERS, kwargs=_variant),
        "communication:channel_list": Rule(DEPARTMENT),
        "communication:channel_create": Rule(DEPARTMENT_WORKERS),
        "communication:channel_detail": Rule(DEPARTMENT, kwargs=_channel),
        "communication:channel_update": Rule(DEPARTMENT_WORKERS, kwargs=_channel),
        "communication:channel_audience": Rule(
            DEPARTMENT_WORKERS,
            method="POST",
            kwargs=_channel,
            data=lambda data: {"measured_on": "2026-11-20", "size": "1520"},
        ),
        "communication:campaign_list": Rule(DEPARTMENT),
        "communication:campaign_create": Rule(DEPARTMENT_WORKERS),
        "communication:campaign_detail": Rule(DEPARTMENT, kwargs=_campaign),
        "communication:campaign_update": Rule(DEPARTMENT_WORKERS, kwargs=_campaign),
        "communication:newsletter_list": Rule(DEPARTMENT),
        "communication:newsletter_create": Rule(DEPARTMENT_WORKERS),
        "communication:newsletter_detail": Rule(DEPARTMENT, kwargs=_draft_issue),
        "communication:newsletter_update": Rule(DEPARTMENT_WORKERS, kwargs=_draft_issue),
        "communication:newsletter_preview": Rule(DEPARTMENT, kwargs=_draft_issue),
        "communication:newsletter_progress": Rule(DEPARTMENT, kwargs=_draft_issue),
        "communication:newsletter_test": Rule(
            DEPARTMENT_WORKERS, method="POST", kwargs=_draft_issue
        ),
        "communication:newsletter_send": Rule(
            DEPARTMENT_WORKERS, method="POST", kwargs=_draft_issue
        ),
        "communication:newsletter_resume": Rule(
            DEPARTMENT_WORKERS, method="POST", kwargs=_draft_issue
        ),
        "communication:press_list": Rule(DEPARTMENT),
        "communication:press_create": Rule(DEPARTMENT_WORKERS, kwargs=_press_release),
        "communication:press_detail": Rule(DEPARTMENT, kwargs=_draft_mailing),
        "communication:press_update": Rule(DEPARTMENT_WORKERS, kwargs=_draft_mailing),
        "communication:press_progress": Rule(DEPARTMENT, kwargs=_draft_mailing),
        "communication:press_send": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_draft_mailing),
        "communication:press_resume": Rule(
            DEPARTMENT_WORKERS, method="POST", kwargs=_draft_mailing
        ),
    }
)

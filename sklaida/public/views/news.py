"""The Library's news for the public: the list, one item, and their RSS and Atom feeds."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sklaida.archive.selectors.illustrations import illustration_prefetch
from sklaida.communication.models import ContentItem
from sklaida.communication.selectors import public_news
from sklaida.core.views import paginated
from sklaida.public.context import library_name, public_context
from sklaida.public.pictures import item_picture
from sklaida.public.structured_data import OG_LOCALES, absolute

PER_PAGE = 10


def news_url(item: ContentItem) -> str:
    """The item's public page, absolute (SITE_URL): its address in feeds and on other sites."""
    return absolute(reverse("public:news_detail", kwargs={"slug": item.slug}))


def _feed_links() -> dict:
    return {
        "rss_url": absolute(reverse("public:news_rss")),
        "atom_url": absolute(reverse("public:news_atom")),
    }


@login_not_required
def news_list(request: HttpRequest) -> HttpResponse:
    news = public_news.published_news(now=timezone.now()).prefetch_related(illustration_prefetch())
    return render(
        request,
        "public/news/list.html",
        {
            "page_url": absolute(reverse("public:news_list")),
            **_feed_links(),
            **paginated(request, news, per_page=PER_PAGE),
            **public_context(request),
        },
    )


def _open_graph(item: ContentItem, *, page_url: str) -> dict[str, str]:
    """Open Graph properties of a news page (the template escapes the values)."""
    language = (get_language() or "lt")[:2]
    tags = {
        "og:title": item.title,
        "og:description": item.summary,
        "og:type": "article",
        "og:url": page_url,
        "og:locale": OG_LOCALES.get(language, "lt_LT"),
        "article:published_time": timezone.localtime(item.published_at).isoformat(),
        "article:modified_time": timezone.localtime(item.updated_at).isoformat(),
    }
    picture = item_picture(item, "page")
    if picture:
        tags["og:image"] = absolute(picture.url)
        tags["og:image:alt"] = picture.alt
    return tags


@login_not_required
def news_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        item = public_news.news_item(slug=slug, now=timezone.now())
    except ContentItem.DoesNotExist:
        raise Http404 from None
    prefetch_related_objects([item], illustration_prefetch())
    page_url = news_url(item)
    return render(
        request,
        "public/news/detail.html",
        {
            "item": item,
            "page_url": page_url,
            "open_graph": _open_graph(item, page_url=page_url),
            **_feed_links(),
            **public_context(request),
        },
    )


class NewsRss(Feed):
    """The 20 newest published news as RSS 2.0, in the language of the address (lt, /en/ en).

    Every link is absolute with SITE_URL (not the host the request came by), and each
    item's GUID is its page's address, which never changes once published.
    """

    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args, **kwargs):
        # The feed's "object" is the moment of the request (one instance serves every
        # request, so nothing request-specific may be kept on it).
        return timezone.now()

    def title(self) -> str:
        return f"{_('News')} · {library_name()}"

    def description(self) -> str:
        return _("The latest news of the library.")

    def link(self) -> str:
        return absolute(reverse("public:news_list"))

    def feed_url(self) -> str:
        return absolute(reverse("public:news_rss"))

    def items(self, now) -> list[ContentItem]:
        return public_news.feed_news(now=now)

    def item_title(self, item: ContentItem) -> str:
        return item.title

    def item_description(self, item: ContentItem) -> str:
        # Plain text: the feed generator escapes it, so no markup of a user reaches a reader.
        return item.summary or item.body

    def item_link(self, item: ContentItem) -> str:
        return news_url(item)

    def item_guid(self, item: ContentItem) -> str:
        return news_url(item)

    def item_pubdate(self, item: ContentItem):
        return item.published_at

    def item_updateddate(self, item: ContentItem):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item: ContentItem) -> list[str]:
        return [item.get_kind_display()]


class NewsAtom(NewsRss):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()

    def feed_url(self) -> str:
        return absolute(reverse("public:news_atom"))


news_rss = login_not_required(NewsRss())
news_atom = login_not_required(NewsAtom())

"""Request middleware of the core."""

from django.urls import LocalePrefixPattern, Resolver404, URLResolver, get_resolver
from django.utils import translation


def is_language_prefixed_page(request) -> bool:
    """Whether the path belongs to i18n_patterns, where the address says the language."""
    resolver = get_resolver(getattr(request, "urlconf", None))
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            try:
                entry.resolve(request.path_info.removeprefix("/"))
            except Resolver404:
                continue
            return True
    return False


class UserLanguageMiddleware:
    """Show a signed-in person the language they chose in their profile.

    Not on the public pages: there the address (/renginiai/ or /en/events/) chose the
    language, and a link to the English page must give the English page to everyone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.language
            and not is_language_prefixed_page(request)
        ):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)

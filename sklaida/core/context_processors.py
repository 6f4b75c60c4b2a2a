"""What every page's template knows: the menu and the user's capabilities."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from sklaida.core.navigation import menu_for
from sklaida.core.permissions import capabilities_of, roles_of


def sklaida(request: HttpRequest) -> dict:
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "menu": SimpleLazyObject(lambda: menu_for(user, request.path)),
        "can": SimpleLazyObject(lambda: capabilities_of(user)),
        "user_roles": SimpleLazyObject(lambda: sorted(role.label for role in roles_of(user))),
    }

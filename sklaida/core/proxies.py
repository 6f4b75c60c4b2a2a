"""Which reverse proxies we believe, and the client's address as they report it.

`X-Forwarded-For` and `X-Forwarded-Proto` are ordinary request headers: anyone can send
them. They mean something only when the proxy in front of Sklaida set them, so they are
believed only from the addresses in `settings.TRUSTED_PROXIES` (empty by default: no
proxy is believed). `TrustedProxyMiddleware` drops both headers from every other
sender before Django reads them, so `SECURE_PROXY_SSL_HEADER` cannot be forged either.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO")
# An IPv6 user gets a /64 network from their provider and can use any address in it.
IPV6_CLIENT_PREFIX = 64


def parse_networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """`TRUSTED_PROXIES` as networks: single addresses ("10.0.0.5") or ranges ("10.0.0.0/24")."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an IP address or network"
            ) from error
    return tuple(networks)


@cache
def _trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_networks(entries)


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def is_trusted_proxy(text: str) -> bool:
    address = _address(text)
    if address is None:
        return False
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    return any(address in network for network in networks)


def _client_key(address: Address) -> str:
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_CLIENT_PREFIX}", strict=False))
    return str(address)


def client_ip(request: HttpRequest) -> str:
    """The address a request came from: from a trusted proxy, the nearest address in
    `X-Forwarded-For` that is not itself a trusted proxy (each proxy appends the address it
    saw, so the ones before it are the client's own claims). Sign-in lockouts record it."""
    remote = request.META.get("REMOTE_ADDR", "")
    if is_trusted_proxy(remote):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        for hop in reversed([hop for hop in forwarded if hop.strip()]):
            if not is_trusted_proxy(hop):
                return hop.strip() if _address(hop) else remote
    return remote


def client_address(request: HttpRequest) -> str:
    """The client, for counting requests per client: its address, or for IPv6 its /64
    network (a provider gives each user a /64, and any address in it is theirs)."""
    address = _address(client_ip(request))
    return _client_key(address) if address is not None else request.META.get("REMOTE_ADDR", "")


class TrustedProxyMiddleware:
    """Drop forwarding headers that did not come from a trusted proxy (first in the chain)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)

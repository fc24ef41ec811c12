"""How django-axes identifies a sign-in attempt: the client's address and the username."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

# Django's usernames are at most 150 characters; axes stores what was typed in a
# 255-character column, which PostgreSQL enforces.
USERNAME_MAX = 150


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or the address the nearest trusted proxy saw.

    Each proxy appends the address it was reached from to X-Forwarded-For, so
    with N trusted proxies the Nth entry from the right is the client. Entries
    further left are whatever the client sent, and trusting them would let an
    attacker pick a fresh address for every guess.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count and _is_address(hops[-count]):
            return hops[-count]
    return request.META.get("REMOTE_ADDR")


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def username(request: HttpRequest, credentials: dict | None) -> str:
    """The username tried, cut to the longest a real one can be."""
    source = credentials if credentials else request.POST
    value = source.get(settings.AXES_USERNAME_FORM_FIELD, "") if source else ""
    return str(value or "")[:USERNAME_MAX]

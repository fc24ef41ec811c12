"""The address a sign-in attempt came from, for django-axes' lockout."""

from django.conf import settings
from django.http import HttpRequest


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
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")

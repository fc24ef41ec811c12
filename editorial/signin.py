"""How django-axes identifies and counts sign-in attempts: by address and username."""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum
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


class AddressThrottlingHandler(AxesDatabaseHandler):
    """django-axes' database handler with a second, higher limit per address.

    Axes counts failures for each entry of AXES_LOCKOUT_PARAMETERS (here a
    username at an address, and an address alone) but holds every count to
    one AXES_FAILURE_LIMIT. Five failures from one address across usernames
    is an office behind one NAT, not an attack; credential stuffing (a few
    passwords for each of many usernames) is. So the address-wide count is
    held to ADDRESS_FAILURE_LIMIT instead: it is scaled into units of the
    per-username limit, which is what axes compares against.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        pair_limit = get_failure_limit(request, credentials)
        failures = 0
        for parameters, attempts in zip(
            settings.AXES_LOCKOUT_PARAMETERS,
            self.get_user_attempts(request, credentials),
            strict=True,
        ):
            count = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            if parameters == "ip_address":
                count = count * pair_limit // settings.ADDRESS_FAILURE_LIMIT
            failures = max(failures, count)
        return failures

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        """A successful sign-in clears its own username's failures at that address only.

        Axes would clear every count the request matches, the address-wide one
        included, so one real account would let an attacker start afresh.
        """
        pair, *_ = self.filter_user_attempts(request, credentials)
        deleted, _ = pair.delete()
        return deleted

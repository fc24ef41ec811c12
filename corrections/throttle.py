"""At most a few suggestions an hour from one address, counted in the shared cache."""

import hashlib
import logging
import time

from django.core.cache import cache

LIMIT = 5
WINDOW_SECONDS = 3600

log = logging.getLogger(__name__)


def _key(address: str) -> str:
    digest = hashlib.blake2b(address.encode(), digest_size=12).hexdigest()
    return f"suggestion-times:{digest}"


def _recent(address: str, now: float) -> list[float]:
    times = cache.get(_key(address)) or []
    return [t for t in times if now - t < WINDOW_SECONDS]


def over_limit(address: str) -> bool:
    """Whether this address has already sent LIMIT suggestions within the last hour."""
    try:
        return len(_recent(address, time.time())) >= LIMIT
    except Exception:
        # A cache that is down must not stop readers: the editors' queue is the backstop.
        log.warning("Suggestion throttle unavailable; letting the request through", exc_info=True)
        return False


def record(address: str) -> None:
    now = time.time()
    try:
        cache.set(_key(address), [*_recent(address, now), now], timeout=WINDOW_SECONDS)
    except Exception:
        log.warning("Suggestion throttle unavailable; not counted", exc_info=True)


def minutes_until_free(address: str) -> int:
    try:
        times = _recent(address, time.time())
    except Exception:
        return 0
    if len(times) < LIMIT:
        return 0
    return max(1, round((WINDOW_SECONDS - (time.time() - min(times))) / 60))

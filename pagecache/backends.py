"""Cache backends for which a failure is a miss, never an error.

The cache only makes the site faster: every page can be rendered from the
database. So each backend here turns a failing or slow cache into misses (reads
return the default, writes report that nothing was stored), logs the outage
once, and, for a networked cache, stops asking for a few seconds after a
failure (a circuit breaker) so that an outage costs one timeout per worker and
retry interval, not one per request.

* ``FailSafeRedisCache``: Django's Redis backend; give it short
  ``socket_connect_timeout`` and ``socket_timeout`` in ``OPTIONS`` (settings
  does, from ``REDIS_CONNECT_TIMEOUT`` and ``REDIS_SOCKET_TIMEOUT``).
* ``EmbeddedCache``: diskcache's Django backend (SQLite-indexed files, safe
  across processes, evicts by its ``eviction_policy`` without listing a folder).
"""

from __future__ import annotations

import logging
import pickle
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis
from diskcache import DjangoCache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("pagecache")

# A cache that failed within this many seconds counts as degraded in /healthz.
RECENT_FAILURE_SECONDS = 60.0


@dataclass
class Breaker:
    """Per-process state of one cache: closed (ask it), or open until a moment."""

    retry_after: float
    open_until: float = 0.0
    failed_at: float | None = None
    failures: int = 0
    in_outage: bool = field(default=False)

    def allows(self, now: float) -> bool:
        return now >= self.open_until

    def failed(self, now: float, name: str, error: BaseException) -> None:
        self.failures += 1
        self.failed_at = now
        self.open_until = now + self.retry_after
        if not self.in_outage:
            # Once per outage: a log line per request would bury everything else.
            self.in_outage = True
            logger.warning(
                "cache %s unavailable (%s: %s); serving without it, retrying every %.1f s",
                name,
                type(error).__name__,
                error,
                self.retry_after,
            )

    def succeeded(self, name: str) -> None:
        if self.in_outage:
            logger.warning("cache %s available again after %d failed calls", name, self.failures)
            self.in_outage = False
            self.failures = 0

    def state(self, now: float) -> str:
        if self.in_outage:
            return "down"
        if self.failed_at is not None and now - self.failed_at < RECENT_FAILURE_SECONDS:
            return "degraded"
        return "ok"


# One breaker per cache location and process: Django makes a backend object per
# thread, and they must all agree that the cache is down.
_breakers: dict[str, Breaker] = {}


class FailSafeMixin:
    """Wraps a backend's public calls: any listed failure becomes a miss."""

    failures: tuple[type[BaseException], ...] = ()
    retry_after: float = 0.0

    def _init_breaker(self, location: str, params: dict) -> None:
        self._name = location
        retry = float(params.get("RETRY_AFTER", self.retry_after))
        self._breaker = _breakers.setdefault(location, Breaker(retry_after=retry))

    def _call(self, method: str | Callable, miss: Any, *args, **kwargs) -> Any:
        breaker = self._breaker
        if not breaker.allows(time.monotonic()):
            return miss
        function = getattr(super(), method) if isinstance(method, str) else method
        try:
            result = function(*args, **kwargs)
        except self.failures as error:
            breaker.failed(time.monotonic(), self._name, error)
            return miss
        breaker.succeeded(self._name)
        return result

    def health(self) -> str:
        """ok, degraded (failed in the last minute) or down, after one real round trip."""
        self._call("get", None, "healthz:probe")
        return self._breaker.state(time.monotonic())

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default=default, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout=timeout, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout=timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout=timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout=timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version=version)

    def clear(self):
        return self._call("clear", None)


class FailSafeRedisCache(FailSafeMixin, RedisCache):
    failures = (redis.RedisError, OSError, pickle.UnpicklingError, EOFError)
    retry_after = 3.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._init_breaker(f"redis:{server}", params)


class EmbeddedCache(FailSafeMixin, DjangoCache):
    """diskcache on this host's disk, shared by its workers.

    Least recently *used* eviction, approximately and at the cost of a read:
    diskcache's own LRU policy writes to its index on every read, which halved
    the throughput of cached pages under load (3 workers contending for the
    write lock). So the index evicts the least recently *stored*, and a read of
    an entry stored more than ``REFRESH_AFTER`` seconds ago stores it again:
    an entry read within that time is never evicted before one that was not.

    No circuit breaker (``retry_after`` 0): a local disk that fails once (a
    locked index under write contention, a full disk) is asked again at once.
    """

    failures = (OSError, sqlite3.Error, pickle.UnpicklingError, EOFError)
    REFRESH_AFTER = 60 * 60
    # Entries with less life left than this are short-lived on purpose (the
    # content version's copy), or about to expire: never prolonged.
    SHORT_LIVED = 60

    def __init__(self, directory, params):
        # Private, like every data file of the site; diskcache would make it 0755.
        Path(directory).mkdir(mode=0o700, parents=True, exist_ok=True)
        super().__init__(directory, params)
        self._init_breaker(f"disk:{directory}", params)
        self._refresh_after = float(params.get("REFRESH_AFTER", self.REFRESH_AFTER))

    def _get_refreshing(self, key, default=None, version=None):
        missing = object()
        value, expires_at = DjangoCache.get(self, key, missing, version, expire_time=True)
        if value is missing:
            return default
        if expires_at is not None and self.default_timeout:
            left = expires_at - time.time()
            if self.SHORT_LIVED < left < self.default_timeout - self._refresh_after:
                DjangoCache.set(self, key, value, version=version)
        return value

    def get(self, key, default=None, version=None):
        return self._call(self._get_refreshing, default, key, default, version)

    def close(self, **kwargs) -> None:
        """Kept open: Django closes every cache at the end of each request, which for
        diskcache meant reopening its eight SQLite shards, pragmas and all, on the
        next one (a third of the time of a miss). diskcache reopens them by itself
        in a forked worker, and a connection per thread is what it is built for."""

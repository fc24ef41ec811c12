"""A content version shared by every worker and host through the cache.

Every cached page is stored under the version current when it was rendered.
Saving or deleting any content row moves the version on (after the transaction
commits, so that no reader can cache old rows under the new version), and every
worker's next request looks up pages under the new version: nothing stale is
served, and nothing has to be purged.
"""

from uuid import uuid4

from django.core.cache import cache

VERSION_KEY = "content-version"


def current() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        # add() keeps whatever another worker stored first, so all agree.
        cache.add(VERSION_KEY, uuid4().hex[:16], timeout=None)
        version = cache.get(VERSION_KEY) or "unversioned"
    return version


def bump() -> str:
    version = uuid4().hex[:16]
    cache.set(VERSION_KEY, version, timeout=None)
    return version

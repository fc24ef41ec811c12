"""A content version shared by every worker and host through the cache.

Every cached page is stored under the version current when it was rendered.
Saving or deleting any content row moves the version on (after the transaction
commits, so that no reader can cache old rows under the new version), and every
worker's next request looks up pages under the new version: nothing stale is
served, and nothing has to be purged.
"""

import hashlib
from functools import cache as once
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "content-version"


@once
def release() -> str:
    """A fingerprint of what renders pages besides content: templates and static files.

    A deploy that changes either must not serve pages cached by the previous one,
    which would point at stylesheets that no longer exist.
    """
    digest = hashlib.blake2b(digest_size=6)
    sources = [Path(settings.STATIC_ROOT) / "staticfiles.json"]
    for directory in settings.TEMPLATES[0]["DIRS"]:
        sources += sorted(Path(directory).rglob("*.*"))
    for path in sources:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def current() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        candidate = uuid4().hex[:16]
        # add() keeps whatever another worker stored first, so that all agree.
        if cache.add(VERSION_KEY, candidate, timeout=None):
            version = candidate
        else:
            version = cache.get(VERSION_KEY)
            if version is None:  # an entry that cannot be read: replace it
                cache.set(VERSION_KEY, candidate, timeout=None)
                version = candidate
    return f"{release()}-{version}"


def bump() -> str:
    version = uuid4().hex[:16]
    cache.set(VERSION_KEY, version, timeout=None)
    return version

"""The content version: every cached page is stored under the version current
when it was rendered, and any editor's save moves it on.

Where it lives, and why:

* The truth is one database row (``ContentVersion``), moved on as soon as the
  editor's transaction commits. A cache that is down, frozen or full cannot lose
  it, and nothing about it can turn a committed save into an error.
* Readers ask the shared cache first, for a copy that lives ``CONTENT_VERSION_TTL``
  seconds (2 by default), then the database. After commit the editor's process
  writes the new version into that copy, so every worker and host sees it on its
  next request. When that write fails (the cache is unreachable), the old copy
  expires within the TTL and readers fetch the new version from the database:
  a missed invalidation is stale for at most the TTL, counted from when the cache
  answers again (expiry is wall-clock time, so a cache frozen for longer than
  the TTL comes back with its copy already expired).
* Readers refill the copy with ``add()``, never ``set()``: a reader that read the
  old row just before an edit cannot overwrite the editor's fresh copy.
* If the database is down, the last version anyone read from it (a second copy,
  ``LAST_KEY``, without expiry) is used, so cached pages keep being served; no
  edit can be made while it is down. If the cache is down as well, the last
  version this process saw.

The version is prefixed with ``release()``, a fingerprint of the code, templates
and static files, so that a deploy never serves pages the previous one rendered.
"""

from __future__ import annotations

import hashlib
import logging
import os
from functools import cache as once
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction

logger = logging.getLogger("pagecache")

VERSION_KEY = "content-version"
LAST_KEY = "content-version:last-known"
# The last version this process read: used only while both cache and database fail.
_last_seen: str | None = None
# Edits this process has committed: lets a request that made one stop using the
# version it read before (pagecache.fragments).
_bumps = 0
# What a deploy changes besides content. Tests, scripts and docs render nothing;
# hidden folders (virtual environments, git) and generated ones are not ours.
RELEASE_SUFFIXES = {".py", ".html", ".md", ".txt", ".xml", ".json", ".toml"}
NOT_RELEASED = {"tests", "scripts", "docs", "node_modules", "var", "staticfiles", "__pycache__"}


def release_sources() -> list[Path]:
    """Every file whose change can change a rendered page: the project's Python
    code, templates, seed data and code samples, the static manifest and the
    pinned dependencies."""
    root = Path(settings.BASE_DIR)
    sources = [Path(settings.STATIC_ROOT) / "staticfiles.json", root / "pyproject.toml"]
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".")
            and name not in NOT_RELEASED
            and not name.endswith(".egg-info")
        )
        if Path(folder) == root:
            continue  # manage.py, the Makefile and README render nothing
        sources += [
            Path(folder) / name for name in sorted(files) if Path(name).suffix in RELEASE_SUFFIXES
        ]
    return sources


@once
def release() -> str:
    digest = hashlib.blake2b(digest_size=6)
    for path in release_sources():
        if path.is_file():
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _from_database() -> str:
    from pagecache.models import ContentVersion

    row, _created = ContentVersion.objects.get_or_create(id=1, defaults={"value": uuid4().hex[:16]})
    return row.value


def _stored_version() -> str:
    global _last_seen
    version = cache.get(VERSION_KEY)
    if not isinstance(version, str):
        try:
            version = _from_database()
        except DatabaseError:
            if not connection.in_atomic_block:
                # Outside a request (the WSGI fast path) nothing else would drop
                # a connection the outage broke; drop it so the next call reconnects.
                connection.close_if_unusable_or_obsolete()
            version = cache.get(LAST_KEY)
            if isinstance(version, str):
                return version
            if _last_seen is None:
                raise
            return _last_seen
        cache.add(VERSION_KEY, version, timeout=settings.CONTENT_VERSION_TTL)
        cache.set(LAST_KEY, version, timeout=None)
    _last_seen = version
    return version


def current() -> str:
    """Raises DatabaseError only when neither the cache nor the database can say,
    and this process has never known."""
    return f"{release()}-{_stored_version()}"


def _publish(version: str) -> None:
    # A failure here is a miss in the cache (the backends are fail-safe): the
    # copy then expires within CONTENT_VERSION_TTL and readers ask the database.
    cache.set(VERSION_KEY, version, timeout=settings.CONTENT_VERSION_TTL)
    cache.set(LAST_KEY, version, timeout=None)


def bump() -> None:
    """Move the version on once the caller's transaction commits (at once outside one)."""
    transaction.on_commit(_bump_committed)


def local_bumps() -> int:
    return _bumps


def _bump_committed() -> None:
    # After commit, not inside the editor's transaction: no reader can then see
    # the new version before the new rows, and the version row is never locked
    # in the middle of an edit, where it would take part in deadlocks between
    # two editors' transactions on PostgreSQL.
    global _bumps
    from pagecache.models import ContentVersion

    version = uuid4().hex[:16]
    try:
        ContentVersion.objects.update_or_create(id=1, defaults={"value": version})
    except DatabaseError:
        # The edit is committed; failing now would show the editor a 500 for a
        # save that happened. Pages stay as they were until the next edit.
        logger.exception("content version not moved on after a committed edit")
        return
    _bumps += 1
    _publish(version)

"""Values and pieces of pages computed once per content version in each worker,
then reused by every page that needs them.

Misses are common: every edit moves the content version on, nearly every
verdict permalink is unique, and crawlers follow every comparison. But much of
what a miss needs is not new: the catalogue rows every comparison reads
(``frameworks.snapshot``), the scoring catalogue, each cell, heading and code
sample of a comparison (the same in every comparison that shows that
framework), the site's header and footer, each question of the questionnaire
as crispy-forms renders it for one answer, and whole sections such as a
criterion's ranking or a page of history. They are kept here, in the worker's
memory, under the same two things that key whole pages
(``pagecache.page_cache``): the content version and the day. When either moves
on, everything goes at once, so nothing can outlive the rows it was made from.

A piece is named by what its body reads (see the ``{% fragment %}`` tag in
``pagecache.templatetags.fragments``). With ``FRAGMENTS_VERIFY`` on, as in the
tests, every hit is rendered again and must match what was stored: a body that
reads something its name leaves out fails loudly there instead of showing one
reader another page's piece.

Why not Django's ``{% cache %}`` tag: it would have every template pass the
content version by hand (one forgotten argument and a piece outlives an edit),
and a round trip to a cache backend per piece costs more than rendering most of
them. An in-process dict is what the pieces need: small, per worker, dropped
whole.
"""

from __future__ import annotations

import datetime
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import DatabaseError
from django.urls import get_script_prefix
from django.utils.safestring import SafeString

from pagecache import content_version

# Entries, not bytes: the largest are the catalogue snapshot and the scoring
# catalogue (one each); the rest are a few KB or less each. With 50 frameworks
# the comparison cells alone are 50 x 17 x 4 (ticked or not, notes open or not):
# about 4,700 entries in all, so that a full catalogue fits with room to spare.
MAX_ENTRIES = 8192

_lock = threading.Lock()
_generation: tuple[str, str, int] | None = None
_entries: OrderedDict[tuple[Hashable, ...], Any] = OrderedDict()
_MISSING = object()
# The generation read once per request: a page's pieces then all come from the
# version its cache key was made with, for one cache lookup instead of one each.
_local = threading.local()


class FragmentMismatch(AssertionError):
    """A stored piece differs from a fresh render: its name misses something it reads."""


def _generation_of(version: str) -> tuple[str, str, int]:
    return (version, datetime.date.today().isoformat(), content_version.local_bumps())


def _read_generation() -> tuple[str, str, int]:
    return _generation_of(content_version.current())


def _request_started(**kwargs) -> None:
    _local.in_request, _local.generation = True, None


def _request_finished(**kwargs) -> None:
    _local.in_request, _local.generation = False, None


request_started.connect(_request_started, dispatch_uid="pagecache.fragments:start")
request_finished.connect(_request_finished, dispatch_uid="pagecache.fragments:finish")


def use_version(version: str) -> None:
    """Take the content version this request's page key was made with, instead of
    reading it again (one cache lookup less per miss)."""
    if getattr(_local, "in_request", False) and version:
        _local.generation = _generation_of(version)


def current_generation() -> tuple[str, str, int]:
    if not getattr(_local, "in_request", False):
        return _read_generation()
    generation = _local.generation
    # An edit committed by this process during the request moves it on at once.
    if generation is None or generation[2] != content_version.local_bumps():
        generation = _local.generation = _read_generation()
    return generation


def clear() -> None:
    global _generation
    with _lock:
        _entries.clear()
        _generation = None


def remember_each(
    keys: list[tuple[Hashable, ...]], compute_missing: Callable[[list[int]], list[Any]]
) -> list[Any]:
    """``remember`` for many keys at once: ``compute_missing`` gets the indexes of
    the keys not yet stored and returns their values in that order (one query for
    all of them rather than one each)."""
    global _generation
    try:
        generation = current_generation()
    except DatabaseError:
        # Nothing can say which content this is (the error pages of an outage, a
        # database not yet migrated): compute it all, and keep none of it.
        return compute_missing(list(range(len(keys))))
    with _lock:
        if generation != _generation:
            _entries.clear()
            _generation = generation
        found = [_entries.get(key, _MISSING) for key in keys]
        for key, value in zip(keys, found, strict=True):
            if value is not _MISSING:
                _entries.move_to_end(key)  # least recently used goes first
    missing = [i for i, value in enumerate(found) if value is _MISSING]
    if missing:
        for i, value in zip(missing, compute_missing(missing), strict=True):
            found[i] = value
        with _lock:
            if generation == _generation:
                for i in missing:
                    _entries[keys[i]] = found[i]
                while len(_entries) > MAX_ENTRIES:
                    _entries.popitem(last=False)
    return found


def remember(key: tuple[Hashable, ...], compute: Callable[[], Any]) -> Any:
    """``compute()``'s value for today's content, computed on the first ask in this worker.

    For values read from the content and never changed by their readers (the
    scoring catalogue's frozen dataclasses): unpickling them from the shared
    cache on every miss cost more than a millisecond.
    """
    return remember_each([key], lambda _missing: [compute()])[0]


def get_or_render(key: tuple[Hashable, ...], render: Callable[[], str]) -> SafeString:
    """The piece stored under ``key`` for today's content, rendering it on the first ask."""
    return get_or_render_each([key], lambda _i: render())[0]


def get_or_render_each(
    keys: list[tuple[Hashable, ...]], render: Callable[[int], str]
) -> list[SafeString]:
    """``get_or_render`` for many pieces at once (one lock and one generation check
    for a table's cells, not one each): ``render(i)`` renders the piece of ``keys[i]``."""
    rendered: set[int] = set()

    def fresh(missing: list[int]) -> list[SafeString]:
        rendered.update(missing)
        return [SafeString(render(i)) for i in missing]

    # Links in a piece start with the script prefix, which the request sets.
    prefix = get_script_prefix()
    pieces = remember_each([("fragment", prefix, *key) for key in keys], fresh)
    if getattr(settings, "FRAGMENTS_VERIFY", False):
        for i, piece in enumerate(pieces):
            if i not in rendered:
                _verify(keys[i], piece, render(i))
    return pieces


def _verify(key: tuple[Hashable, ...], stored: str, fresh: str) -> None:
    if fresh != stored:
        raise FragmentMismatch(
            f"fragment {key!r} rendered differently from the stored copy: its name "
            "must include everything its body reads"
        )

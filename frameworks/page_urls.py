"""Addresses of the site's own pages, reversed once per worker.

A verdict links every framework and several criteria, a comparison dozens of
pages, and Django's ``reverse()`` costs about 10 µs a call. An address depends
only on the URLconf and the script prefix, never on content, so each is kept,
under both, for the life of the worker.
"""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse


@lru_cache(maxsize=8192)
def _reversed(urlconf, prefix: str, name: str, kwargs: tuple) -> str:
    return reverse(name, urlconf=urlconf, kwargs=dict(kwargs))


def page_url(name: str, **kwargs) -> str:
    """``reverse(name, kwargs=kwargs)``, remembered; the values must be hashable."""
    return _reversed(get_urlconf(), get_script_prefix(), name, tuple(sorted(kwargs.items())))


def profile_url(slug: str) -> str:
    return page_url("frameworks:detail", slug=slug)


def criterion_url(slug: str) -> str:
    return page_url("frameworks:criterion", slug=slug)

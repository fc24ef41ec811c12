"""What a cached page is keyed on, and which query parameters count.

**Declaring the query parameters a page reads.** The page cache keys a page on
the query parameters its view declares, and on nothing else from the query
string, so that junk (``?utm_source=…``, a misspelt name) can neither multiply
cache entries nor push real pages out. Declare them on the view::

    from pagecache.keys import reads_query

    @reads_query("kind")                    # /frameworks/?kind=micro
    def framework_list(request): ...

    @reads_query()                          # reads no parameter at all
    def home(request): ...

    @reads_query("as_of", names_from=question_slugs)   # names kept in the database
    def verdict(request): ...

``names_from`` is called with no argument and returns more names; its answer is
remembered per content version, so it runs once per process after each edit.
The declaration is found through the URL resolver, so it works for any view in
any app, and also for a third-party view wrapped in ``urls.py``:
``path("sitemap.xml", reads_query("p")(sitemap), …)``.

What the cache then does with a request:

* only declared names, in a canonical order: a page cached under its key;
* an undeclared name as well: the page cached for the declared names alone is
  served if there is one; otherwise the page is rendered and **not stored**
  (pages echo their own address, e.g. in ``og:url``, so storing it under either
  key would serve the junk to everyone);
* a view with no declaration: cached only for an empty query string. That is
  the safe default for a new view: correct, merely uncached, until it declares.

A safety net for a declaration that falls behind its view: the middleware
watches ``request.GET`` while a declared view renders, and a page whose view
asked for an undeclared name (``request.GET.get("notes")``, or a template's
``request.GET.notes``) is not stored, with one warning per view in the log.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import Resolver404, get_urlconf, resolve

ATTRIBUTE = "page_cache_query"


@dataclass(frozen=True)
class QueryDeclaration:
    names: frozenset[str]
    names_from: Callable[[], Iterable[str]] | None = None


def reads_query(*names: str, names_from: Callable[[], Iterable[str]] | None = None):
    """Declare the query parameters a view's page depends on (see the module docstring)."""
    declaration = QueryDeclaration(frozenset(names), names_from)

    def decorate(view):
        setattr(view, ATTRIBUTE, declaration)
        return view

    return decorate


@lru_cache(maxsize=4096)
def _declaration_for(urlconf: str | None, path: str) -> QueryDeclaration | None:
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    return getattr(match.func, ATTRIBUTE, None)


def declaration_for(path: str) -> QueryDeclaration | None:
    return _declaration_for(get_urlconf() or settings.ROOT_URLCONF, path)


@lru_cache(maxsize=64)
def _dynamic_names(names_from: Callable[[], Iterable[str]], version: str) -> frozenset[str]:
    return frozenset(names_from())


def declared_names(declaration: QueryDeclaration, version: str) -> frozenset[str]:
    """Raises DatabaseError when ``names_from`` needs a database that is down."""
    if declaration.names_from is None:
        return declaration.names
    return declaration.names | _dynamic_names(declaration.names_from, version)


@dataclass(frozen=True)
class QueryKey:
    canonical: str  # the declared parameters, in a canonical order
    has_unknown: bool  # the request carried other parameters too


def query_key(query: Mapping[str, list[str]], declared: frozenset[str]) -> QueryKey:
    """``query`` maps each name to its values in request order (a QueryDict's lists)."""
    kept = sorted((name, list(values)) for name, values in query.items() if name in declared)
    return QueryKey(json.dumps(kept), has_unknown=len(kept) != len(query))


def page_digest_source(
    version: str, day: str, scheme: str, host: str, script_name: str, path: str, query: str
) -> bytes:
    """Every field encoded on its own (a JSON list), so none can spill into another:
    a ``|`` or a SCRIPT_NAME can never make two different pages share a key."""
    fields = [version, day, scheme, host, script_name, path, query]
    return json.dumps(fields).encode("ascii")  # json.dumps escapes all else


def accepted_encodings(header: str) -> dict[str, float]:
    """Accept-Encoding as {coding: q}; a malformed q-value counts as 0."""
    accepted: dict[str, float] = {}
    for item in header.split(","):
        coding, *params = (part.strip() for part in item.split(";"))
        if not coding:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        accepted[coding.lower()] = q
    return accepted


def accepts_brotli(header: str) -> bool:
    accepted = accepted_encodings(header)
    if "br" in accepted:
        return accepted["br"] > 0
    return accepted.get("*", 0) > 0


def matches_etag(if_none_match: str, etag: str) -> bool:
    """If-None-Match, compared weakly as RFC 9110 says for GET and HEAD."""
    opaque = etag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == opaque:
            return True
    return False


def storable(status: int, cache_control: str, vary: str) -> bool:
    """Whether a response may be replayed to every anonymous reader."""
    directives = {part.split("=")[0].strip().lower() for part in cache_control.split(",")}
    vary_names = {part.strip() for part in vary.split(",")}
    return (
        status == 200
        and not directives & {"no-cache", "no-store", "private"}
        and "*" not in vary_names
    )


def merged_vary(vary: str) -> str:
    """The view's Vary plus Accept-Encoding, each name once."""
    names = [part.strip() for part in vary.split(",") if part.strip()]
    if not any(name.lower() == "accept-encoding" for name in names):
        names.append("Accept-Encoding")
    return ", ".join(names)

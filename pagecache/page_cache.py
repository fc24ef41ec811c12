"""Whole-page cache for anonymous readers, keyed on the shared content version.

Django's own cache middleware keys pages on a fixed prefix and expires them by
time; here a page must disappear the moment an editor saves anything, on every
worker and host. So every key carries the content version (see
``content_version``): an edit moves the version on and all old pages stop being
found at once. The same version makes the ETag (one per encoding), so a repeat
visit gets a 304 without any rendering and without touching the database.

Two pieces share one key function:

* ``PageCacheMiddleware``, the outermost middleware, renders and stores pages
  (with every header the rest of the stack added) and serves hits inside Django;
* ``CachedPagesApp`` wraps the WSGI application and answers hits before Django
  builds a request at all. It only ever serves what the middleware stored under
  the same key, so it cannot show anything the middleware would not.

The cache is an accelerator, never a dependency: its backends turn failures
into misses (``pagecache.backends``), and anything the key needs from the
database that cannot be had sends the request on to Django, which renders it
or answers 503. Which query parameters count is declared per view: see
``pagecache.keys``.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from http import HTTPStatus

import brotli
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.handlers.wsgi import get_path_info
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, QueryDict
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host

from pagecache import content_version, fragments, keys

logger = logging.getLogger("pagecache")

SKIPPED_PREFIXES = ("/healthz", "/static/")
# Where CachedPagesApp leaves the key of a page it did not find, for the
# middleware (a WSGI environ key no client header can set: headers arrive as HTTP_*).
MISSED_KEY = "pagecache.missed_key"
# Headers set here for every answer, or that must never be replayed.
DROPPED_HEADERS = {
    "content-length",
    "set-cookie",
    "etag",
    "cache-control",
    "vary",
    "content-encoding",
}
# Compressing a small body costs more than it saves.
MIN_COMPRESS_BYTES = 512
CACHE_CONTROL = "public, max-age=0, must-revalidate"
CachedPage = tuple[int, dict[str, str], bytes]


class SecondRequestAdmission:
    """Store a page the second time this worker renders it, not the first.

    Most pages asked once are never asked again: nearly every verdict permalink
    is unique, and a crawler walks every comparison once. Storing each of them
    cost a third of a millisecond of writing (a 4-way comparison is 250 KB), and
    a crawl would push every page readers do come back to out of a full cache.
    A page asked for again is stored then, which a page readers come back to
    soon is; until then it is rendered, as any miss is. This is the
    "cache on second hit" rule of content delivery networks. The worker
    remembers the last ``PAGE_CACHE_SEEN_KEYS`` keys it rendered without
    storing; 0 stores every page the first time.
    """

    def __init__(self) -> None:
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def admits(self, cache_key: str) -> bool:
        size = settings.PAGE_CACHE_SEEN_KEYS
        if size <= 0:
            return True
        with self._lock:
            if cache_key in self._seen:
                del self._seen[cache_key]
                return True
            self._seen[cache_key] = None
            if len(self._seen) > size:
                self._seen.popitem(last=False)
            return False

    def clear(self) -> None:
        with self._lock:
            self._seen.clear()


ADMISSION = SecondRequestAdmission()


def _cache():
    from django.core.cache import cache

    return cache


def _scheme(meta: Mapping[str, str]) -> str:
    proxy = settings.SECURE_PROXY_SSL_HEADER
    if proxy and meta.get(proxy[0]) == proxy[1]:
        return "https"
    return meta.get("wsgi.url_scheme", "http")


def _host(meta: Mapping[str, str]) -> str:
    """The host as HttpRequest.get_host() reads it, before validation."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in meta:
        return meta["HTTP_X_FORWARDED_HOST"]
    host = meta.get("HTTP_HOST")
    if not host:
        host = f"{meta.get('SERVER_NAME', '')}:{meta.get('SERVER_PORT', '')}"
    return host


def cacheable_request(meta: Mapping[str, str]) -> bool:
    """GET or HEAD by a reader with no session, for a public page."""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if settings.SECURE_SSL_REDIRECT and _scheme(meta) != "https":
        return False  # SecurityMiddleware redirects it
    path = meta.get("PATH_INFO", "/")
    if path.startswith(SKIPPED_PREFIXES) or path.startswith("/" + settings.ADMIN_PATH):
        return False
    # Signed-in editors may see per-user bits (messages, admin links).
    cookies = meta.get("HTTP_COOKIE", "")
    return not (cookies and settings.SESSION_COOKIE_NAME in parse_cookie(cookies))


@dataclass(frozen=True)
class PageKey:
    digest: str
    brotli: bool
    store: bool  # False: serve a hit under this key, but never store what Django renders
    # The query parameters the key holds; None for a view that declared nothing,
    # whose pages are cached only for an address without a query string.
    declared: frozenset[str] | None = None
    version: str = ""  # the content version the key was made with

    @property
    def cache_key(self) -> str:
        return f"page:{self.digest}:{'br' if self.brotli else 'id'}"

    @property
    def etag(self) -> str:
        # One per encoding: the two bodies differ byte for byte.
        return f'"{self.digest}-br"' if self.brotli else f'"{self.digest}"'


def page_key(meta: Mapping[str, str], path_info: str) -> PageKey | None:
    """The key of the page this request asks for, or None when it must not be cached.

    ``path_info`` is the decoded path, as Django resolves it. Raises DatabaseError
    when neither cache nor database can name the content version.
    """
    query_string = meta.get("QUERY_STRING", "")
    declaration = keys.declaration_for(path_info)
    version = content_version.current()
    if declaration is None:
        if query_string:
            return None  # a view that declared nothing: only its bare address is cached
        query, declared = keys.QueryKey("[]", has_unknown=False), None
    else:
        try:
            parsed = QueryDict(query_string)
        except (TooManyFieldsSent, RequestDataTooBig):
            return None  # Django answers these with a 400
        declared = keys.declared_names(declaration, version)
        query = keys.query_key(dict(parsed.lists()), declared)
    # The day, because pages flag scores whose review is due, which changes at midnight.
    source = keys.page_digest_source(
        version,
        datetime.date.today().isoformat(),
        _scheme(meta),
        _host(meta),
        meta.get("SCRIPT_NAME", ""),
        meta.get("PATH_INFO", ""),
        query.canonical,
    )
    return PageKey(
        digest=hashlib.blake2b(source, digest_size=16).hexdigest(),
        brotli=keys.accepts_brotli(meta.get("HTTP_ACCEPT_ENCODING", "")),
        store=not query.has_unknown,
        declared=declared,
        version=version,
    )


def _safe_page_key(meta: Mapping[str, str], path_info: str) -> PageKey | None:
    try:
        return page_key(meta, path_info)
    except DatabaseError:
        return None  # rendered by Django, which answers 503 if it needs the database too


def answer_headers(headers: Mapping[str, str], etag: str, body: bytes | None) -> list:
    """The stored headers plus the ones every answer from the cache carries."""
    out = list(headers.items())
    out += [("ETag", etag), ("Cache-Control", CACHE_CONTROL)]
    if body is not None:
        out.append(("Content-Length", str(len(body))))
    return out


def _not_modified_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {"Vary": headers["Vary"]} if "Vary" in headers else {}


class WatchedQuery(QueryDict):
    """request.GET that notes every parameter name a view asks for by name.

    A best-effort safety net for a view that forgot to declare what it reads
    (a copy the view makes is not watched).
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.asked: set[str] = set()

    def _ask(self, key) -> None:
        self.__dict__.setdefault("asked", set()).add(key)

    def __getitem__(self, key):
        self._ask(key)
        return super().__getitem__(key)

    def __contains__(self, key) -> bool:
        self._ask(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self._ask(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self._ask(key)
        return super().getlist(key, default)


_warned: set[str] = set()


def _warn_undeclared(path: str, names: set[str]) -> None:
    from django.urls import resolve

    view = resolve(path).view_name
    if view not in _warned:
        _warned.add(view)
        logger.warning(
            "view %s reads query parameters it does not declare (%s): its pages are not "
            "cached; declare them with pagecache.keys.reads_query",
            view,
            ", ".join(sorted(names)),
        )


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not cacheable_request(request.META):
            return self.get_response(request)
        request.get_host()  # validates the Host header against ALLOWED_HOSTS (400 if not)
        # CachedPagesApp made the key and missed a moment ago: no second lookup.
        key = request.META.pop(MISSED_KEY, None)
        if key is None:
            key = _safe_page_key(request.META, request.path_info)
            if key is None:
                return self.get_response(request)
            cached = _cache().get(key.cache_key)
            if cached is not None:
                if keys.matches_etag(request.headers.get("If-None-Match", ""), key.etag):
                    return self._build((304, _not_modified_headers(cached[1]), b""), key.etag)
                return self._build(cached, key.etag)
        # The page's pieces come from the version its key was made with.
        fragments.use_version(key.version)

        watched = None
        if key.store and key.declared is not None:
            request.GET = watched = WatchedQuery(request.META.get("QUERY_STRING", ""))
        response = self.get_response(request)
        if not key.store or not self._cacheable_response(response):
            return response
        if watched is not None and (undeclared := watched.asked - key.declared):
            # Stored under a key without them, the page would be served for any
            # value of these parameters: render it every time until declared.
            _warn_undeclared(request.path_info, undeclared)
            return response
        # This middleware runs first, so the response already carries every header
        # the rest of the stack adds (security headers, CSP): replay them all.
        headers = {k: v for k, v in response.items() if k.lower() not in DROPPED_HEADERS}
        headers["Vary"] = keys.merged_vary(response.get("Vary", ""))
        body = response.content
        if key.brotli and len(body) >= MIN_COMPRESS_BYTES:
            body = brotli.compress(body, quality=5)
            headers["Content-Encoding"] = "br"
        entry = (response.status_code, headers, body)
        if ADMISSION.admits(key.cache_key):
            _cache().set(key.cache_key, entry)
        return self._build(entry, key.etag)

    @staticmethod
    def _cacheable_response(response: HttpResponse) -> bool:
        return (
            keys.storable(
                response.status_code, response.get("Cache-Control", ""), response.get("Vary", "")
            )
            and not response.streaming
            and not response.cookies
            and not response.has_header("Content-Encoding")
        )

    @staticmethod
    def _build(entry: CachedPage, etag: str) -> HttpResponse:
        status, headers, body = entry
        response = HttpResponseNotModified() if status == 304 else HttpResponse(body, status=status)
        for name, value in answer_headers(headers, etag, None):
            response[name] = value
        return response


def warm_up() -> None:
    """What a worker would otherwise compute on its first request, done once in
    gunicorn's master (``preload_app``) so that every forked worker, after a
    start or a recycle, inherits it: the release fingerprint (14 ms of reading
    every source file), the URL resolver, and every template compiled. Without
    it the first requests of each new worker waited 100 to 200 ms."""
    from pathlib import Path

    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template
    from django.urls import resolve

    content_version.release()
    resolve("/")  # builds the URL resolver
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(folder).rglob("*.html")):
            try:
                get_template(str(path.relative_to(folder)))
            except (TemplateDoesNotExist, TemplateSyntaxError):
                # The page that uses it says so when it is asked for; a start is not the place.
                logger.exception("template %s did not compile at start", path)


class CachedPagesApp:
    """WSGI wrapper that answers cache hits without entering Django's request cycle."""

    def __init__(self, app: Callable) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if cacheable_request(environ):
            domain, _port = split_domain_port(_host(environ))
            if domain and validate_host(domain, settings.ALLOWED_HOSTS):
                answer = self._answer(environ, start_response)
                if answer is not None:
                    return answer
        return self.app(environ, start_response)

    @staticmethod
    def _answer(environ: dict, start_response: Callable) -> list[bytes] | None:
        key = _safe_page_key(environ, get_path_info(environ))
        if key is None:
            return None
        cached = _cache().get(key.cache_key)
        if cached is None:
            environ[MISSED_KEY] = key
            return None
        status, headers, body = cached
        if keys.matches_etag(environ.get("HTTP_IF_NONE_MATCH", ""), key.etag):
            start_response(
                "304 Not Modified", answer_headers(_not_modified_headers(headers), key.etag, None)
            )
            return []
        phrase = HTTPStatus(status).phrase
        start_response(f"{status} {phrase}", answer_headers(headers, key.etag, body))
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

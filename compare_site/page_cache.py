"""Whole-page cache for anonymous readers, keyed on the shared content version.

Django's own cache middleware keys pages on a fixed prefix and expires them by
time; here a page must disappear the moment an editor saves anything, on every
worker and host. So every key carries the content version (see
``content_version``): an edit moves the version on and all old pages stop being
found at once. The same version makes a strong ETag, so a repeat visit gets a
304 without any rendering and without touching the database.

Two pieces share one key function:

* ``PageCacheMiddleware``, the outermost middleware, renders and stores pages
  (with every header the rest of the stack added) and serves hits inside Django;
* ``CachedPagesApp`` wraps the WSGI application and answers hits before Django
  builds a request at all. It only ever serves what the middleware stored under
  the same key, so it cannot show anything the middleware would not.
"""

import datetime
import hashlib
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host

from compare_site import content_version

SKIPPED_PREFIXES = ("/healthz", "/static/")
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


def page_digest(meta: Mapping[str, str]) -> str:
    """Content version + day + scheme + host + raw path and query: one page, one digest.

    The day, because pages flag scores whose review is due, which changes at midnight.
    """
    identity = "|".join(
        (
            content_version.current(),
            datetime.date.today().isoformat(),
            _scheme(meta),
            _host(meta),
            meta.get("SCRIPT_NAME", "") + meta.get("PATH_INFO", ""),
            meta.get("QUERY_STRING", ""),
        )
    )
    return hashlib.blake2b(identity.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def accepts_brotli(meta: Mapping[str, str]) -> bool:
    return "br" in meta.get("HTTP_ACCEPT_ENCODING", "")


def page_key(digest: str, brotli_body: bool) -> str:
    return f"page:{digest}:{'br' if brotli_body else 'id'}"


def answer_headers(headers: Mapping[str, str], etag: str, body: bytes | None) -> list:
    """The stored headers plus the ones every answer from the cache carries."""
    out = list(headers.items())
    out += [("ETag", etag), ("Cache-Control", CACHE_CONTROL), ("Vary", "Accept-Encoding")]
    if body is not None:
        out.append(("Content-Length", str(len(body))))
    return out


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not cacheable_request(request.META):
            return self.get_response(request)
        request.get_host()  # validates the Host header against ALLOWED_HOSTS (400 if not)
        digest = page_digest(request.META)
        etag = f'"{digest}"'
        if etag in request.headers.get("If-None-Match", ""):
            return self._build((304, {}, b""), etag)

        use_brotli = accepts_brotli(request.META)
        key = page_key(digest, use_brotli)
        cached = _cache().get(key)
        if cached is not None:
            return self._build(cached, etag)

        response = self.get_response(request)
        if not self._cacheable_response(response):
            return response
        # This middleware runs first, so the response already carries every header
        # the rest of the stack adds (security headers, CSP): replay them all.
        headers = {k: v for k, v in response.items() if k.lower() not in DROPPED_HEADERS}
        body = response.content
        if use_brotli and len(body) >= MIN_COMPRESS_BYTES:
            body = brotli.compress(body, quality=5)
            headers["Content-Encoding"] = "br"
        entry = (response.status_code, headers, body)
        _cache().set(key, entry)
        return self._build(entry, etag)

    @staticmethod
    def _cacheable_response(response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "no-store" not in response.get("Cache-Control", "")
            and "private" not in response.get("Cache-Control", "")
            and not response.has_header("Content-Encoding")
        )

    @staticmethod
    def _build(entry: CachedPage, etag: str) -> HttpResponse:
        status, headers, body = entry
        response = HttpResponseNotModified() if status == 304 else HttpResponse(body, status=status)
        for name, value in answer_headers(headers, etag, None):
            response[name] = value
        return response


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
        digest = page_digest(environ)
        etag = f'"{digest}"'
        if etag in environ.get("HTTP_IF_NONE_MATCH", ""):
            start_response("304 Not Modified", answer_headers({}, etag, None))
            return []
        cached = _cache().get(page_key(digest, accepts_brotli(environ)))
        if cached is None:
            return None
        status, headers, body = cached
        phrase = HTTPStatus(status).phrase
        start_response(f"{status} {phrase}", answer_headers(headers, etag, body))
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

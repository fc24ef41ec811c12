"""Whole-page cache for anonymous readers, keyed on the shared content version.

It is the outermost middleware: a hit is answered before anything else runs,
with the headers the full stack gave the page when it was rendered.

Django's own cache middleware keys pages on a fixed prefix and expires them by
time; here a page must disappear the moment an editor saves anything, on every
worker and host. So every key carries the content version (see
``content_version``): an edit moves the version on and all old pages stop being
found at once. The same version makes a strong ETag, so a repeat visit gets a
304 without any rendering and without touching the database.
"""

import hashlib
from collections.abc import Callable

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

from compare_site import content_version

SKIPPED_PREFIXES = ("/admin/", "/healthz", "/static/")
# Headers this middleware sets itself, or that must never be replayed.
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


def _client_accepts_brotli(request: HttpRequest) -> bool:
    return "br" in request.headers.get("Accept-Encoding", "")


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._cacheable_request(request):
            return self.get_response(request)

        version = content_version.current()
        # get_host() also validates the Host header against ALLOWED_HOSTS.
        identity = f"{version}|{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.blake2b(identity.encode(), digest_size=16).hexdigest()
        etag = f'"{digest}"'
        if etag in request.headers.get("If-None-Match", ""):
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            not_modified["Cache-Control"] = CACHE_CONTROL
            patch_vary_headers(not_modified, ["Accept-Encoding"])
            return not_modified

        use_brotli = _client_accepts_brotli(request)
        key = f"page:{digest}:{'br' if use_brotli else 'id'}"
        cached = self._cache().get(key)
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
        self._cache().set(key, entry)
        return self._build(entry, etag)

    @staticmethod
    def _cache():
        from django.core.cache import cache

        return cache

    @staticmethod
    def _cacheable_request(request: HttpRequest) -> bool:
        return (
            request.method in ("GET", "HEAD")
            # Leave the redirect to HTTPS to SecurityMiddleware.
            and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
            and not request.path.startswith(SKIPPED_PREFIXES)
            # Signed-in editors may see per-user bits (messages, admin links).
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

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
    def _build(entry, etag: str) -> HttpResponse:
        status, headers, body = entry
        response = HttpResponse(body, status=status)
        for name, value in headers.items():
            response[name] = value
        response["ETag"] = etag
        response["Cache-Control"] = CACHE_CONTROL
        patch_vary_headers(response, ["Accept-Encoding"])
        return response

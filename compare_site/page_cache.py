"""Whole-page cache for anonymous readers, keyed on the shared content version.

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
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "X-Robots-Tag")
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
        digest = hashlib.blake2b(
            f"{version}|{request.get_full_path()}".encode(), digest_size=16
        ).hexdigest()
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
        headers = {h: response[h] for h in KEPT_HEADERS if response.has_header(h)}
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

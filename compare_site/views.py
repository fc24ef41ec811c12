"""Site-wide views that belong to no app: health check, the 500/503 handler, robots.txt."""

import sys

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# How long a reader is asked to wait while the database is unreachable.
RETRY_AFTER_SECONDS = 30


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "down"
    return "ok"


def _cache_state() -> str:
    # The site's backends say ok, degraded (failed lately) or down; another
    # backend is trusted to raise, and a raise here means down.
    health = getattr(cache, "health", None)
    if health is not None:
        return health()
    try:
        cache.get("healthz:probe")
    except Exception:  # noqa: BLE001 - any failure of an unknown backend is "down"
        return "down"
    return "ok"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 while the site can serve (the cache only makes it faster), 503 without a database."""
    state = {"database": _database_state(), "cache": _cache_state()}
    return JsonResponse(state, status=503 if state["database"] == "down" else 200)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler: a database outage is a 503 that says when to come back."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        # The page needs no database: base.html reads nothing from it.
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
    return defaults.server_error(request)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    # The admin is not listed: naming a moved admin path here would give it away,
    # and its pages all ask for a sign-in anyway.
    lines = [
        "User-agent: *",
        "Disallow: /recommend/verdict",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    # Resolved per request: the hashed name exists only once static files are collected.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))

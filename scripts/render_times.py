"""Time to render each public page on a cache miss, in milliseconds.

Run by `make bench` against its throw-away site (DATABASE_URL and CACHE_DIR
in the environment), in one process with Django's test client and the page
cache unable to store pages, so that every request renders. For each page:

* ``after_edit_ms``: the first render after an edit (the content version moved
  on, so every cached piece of every page is gone: the slowest a reader waits);
* ``median_ms``: the median of 50 renders of the same page, as a page renders
  when other pages have already rendered the pieces it shares with them;
* ``queries``: how many database queries one render makes.

Prints one JSON object: {"pages": {name: {...}}}.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compare_site.settings")

from django.core.cache.backends.locmem import LocMemCache  # noqa: E402  (reads no settings)

RENDERS = int(os.environ.get("RENDER_TIMES", "50"))
AFTER_EDIT_ROUNDS = 5
PAGES = [
    ("home", "/"),
    ("framework list", "/frameworks/"),
    ("profile", "/frameworks/django/"),
    ("compare 2-way", "/compare/django-vs-flask/"),
    ("compare 4-way", "/compare/?f=django&f=flask&f=fastapi&f=starlette"),
    ("criteria", "/criteria/"),
    ("criterion", "/criteria/performance/"),
    ("use cases", "/use-cases/"),
    ("use case", "/use-cases/personal-blog/"),
    ("questionnaire", "/recommend/"),
    ("verdict", "/recommend/verdict/?project_type=ecommerce&project_size=large&security=high"),
    (
        "verdict.json",
        "/recommend/verdict.json?project_type=rest_api&project_size=small&must_haves=openapi&must_haves=auth",
    ),
    ("changes", "/changes/"),
    ("framework history", "/frameworks/django/history/"),
    ("search", "/search/?q=async"),
    ("catalogue.json", "/api/catalogue.json"),
]


class RendersEveryPage(LocMemCache):
    """Keeps everything but pages, so that every request is a miss."""

    def get(self, key, default=None, version=None):
        return default if key.startswith("page:") else super().get(key, default, version)

    def set(self, key, value, timeout=300, version=None):
        if not key.startswith("page:"):
            super().set(key, value, timeout, version)


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from pagecache import content_version, fragments

    backend = f"{__name__}.RendersEveryPage"
    results = {}
    with override_settings(CACHES={"default": {"BACKEND": backend}}, ALLOWED_HOSTS=["*"]):
        from django.core.cache import cache

        client = Client()
        for name, path in PAGES:
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
            after_edit = []
            for _ in range(AFTER_EDIT_ROUNDS):
                content_version.bump()  # outside a transaction: at once
                cache.clear()
                fragments.clear()
                start = time.perf_counter()
                client.get(path)
                after_edit.append((time.perf_counter() - start) * 1000)
            client.get(path)
            times = []
            for _ in range(RENDERS):
                start = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - start) * 1000)
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            results[name] = {
                "path": path,
                "after_edit_ms": round(statistics.median(after_edit), 2),
                "median_ms": round(statistics.median(times), 2),
                "queries": len(queries),
                "bytes": len(response.content),
            }
    print(json.dumps({"pages": results}))


if __name__ == "__main__":
    main()

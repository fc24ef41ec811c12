"""A cache that fails is a miss: readers and editors never see an error because of it.

The Redis here is a real address with nothing behind it (refused connections),
or a socket that accepts connections and never answers (a frozen server).
"""

import logging
import socket
import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from frameworks.models import Framework
from pagecache import content_version
from tests.editorial.conftest import form_value
from tests.frameworks.test_admin import change_url, framework_post_data


def redis_caches(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "pagecache.backends.FailSafeRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "RETRY_AFTER": 30,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


@pytest.fixture
def refused_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again: connections to it are refused


@pytest.fixture
def frozen_server():
    """Accepts connections (the kernel does) and never answers, like a SIGSTOPped Redis."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    server.setblocking(False)
    yield server
    server.close()


def accepted(server: socket.socket) -> int:
    count = 0
    while True:
        try:
            connection, _ = server.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


PAGES = ["/", "/frameworks/", "/frameworks/django/", "/compare/django-vs-flask/"]


def test_pages_render_while_redis_refuses_connections(client, seeded, refused_port, caplog):
    with override_settings(CACHES=redis_caches(refused_port)), caplog.at_level(logging.WARNING):
        for _ in range(3):
            for path in PAGES + ["/recommend/verdict/?project_type=blog"]:
                response = client.get(path)
                assert response.status_code == 200, path
        health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"database": "ok", "cache": "down"}
    outage_lines = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(outage_lines) == 1  # once per outage, not once per request


def test_a_frozen_redis_is_asked_once_per_retry_interval(client, seeded, frozen_server):
    port = frozen_server.getsockname()[1]
    with override_settings(CACHES=redis_caches(port)):
        for _ in range(5):
            for path in PAGES:
                assert client.get(path).status_code == 200
    # One connection timed out; the breaker kept the other 19 requests off it.
    assert accepted(frozen_server) == 1


def test_an_editors_save_while_redis_is_down_is_committed(
    admin_client_logged, seeded, refused_port, django_capture_on_commit_callbacks
):
    flask = Framework.objects.get(slug="flask")
    with override_settings(CACHES=redis_caches(refused_port)):
        form = admin_client_logged.get(change_url(flask))
        data = framework_post_data(flask, tagline="Saved while the cache was down")
        data["edit_token"] = form_value(form.content.decode(), "edit_token")
        with django_capture_on_commit_callbacks(execute=True):
            saved = admin_client_logged.post(change_url(flask), data)
    assert saved.status_code == 302
    flask.refresh_from_db()
    assert flask.tagline == "Saved while the cache was down"


def test_a_missed_invalidation_is_stale_for_at_most_the_version_ttl(
    client, seeded, refused_port, settings, django_capture_on_commit_callbacks
):
    settings.CONTENT_VERSION_TTL = 0.5
    assert "Shown once the cache is back" not in client.get("/frameworks/flask/").content.decode()
    flask = Framework.objects.get(slug="flask")
    flask.tagline = "Shown once the cache is back"
    # The cache is unreachable while the editor saves, so the bump cannot be published...
    with (
        override_settings(CACHES=redis_caches(refused_port)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        flask.save()
    # ...and then it answers again, still holding the old page and the old version's copy.
    time.sleep(settings.CONTENT_VERSION_TTL + 0.1)
    assert "Shown once the cache is back" in client.get("/frameworks/flask/").content.decode()


def test_the_content_version_survives_a_cleared_cache(seeded):
    before = content_version.current()
    cache.clear()  # what eviction of every entry would do
    assert content_version.current() == before
    cache.set(content_version.VERSION_KEY, 42)  # an entry some other code wrote
    assert content_version.current() == before


def test_the_embedded_cache_keeps_what_is_read_and_evicts_what_is_not(tmp_path):
    from pagecache.backends import EmbeddedCache

    embedded = EmbeddedCache(
        str(tmp_path),
        {
            "SHARDS": 1,
            "TIMEOUT": 60 * 60 * 24,
            "REFRESH_AFTER": 0,  # every read counts as a use (an hour in production)
            "OPTIONS": {"size_limit": 2**20, "eviction_policy": "least-recently-stored"},
        },
    )
    page = b"x" * 40_000
    embedded.set("read-often", page)
    embedded.set("never-read", page)
    for n in range(100):  # 4 MB of junk through a 1 MB cache
        embedded.set(f"junk-{n}", page)
        assert embedded.get("read-often") == page
    assert embedded.get("never-read") is None


def test_the_embedded_cache_folder_is_private(tmp_path):
    from pagecache.backends import EmbeddedCache

    folder = tmp_path / "cache"
    EmbeddedCache(str(folder), {}).set("page", b"body")
    assert folder.stat().st_mode & 0o777 == 0o700

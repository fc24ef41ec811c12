"""Cached pages: conditional GETs, instant invalidation, no queries when warm."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frameworks.models import Framework

PUBLIC = [
    "/",
    "/frameworks/",
    "/frameworks/django/",
    "/compare/django-vs-flask/",
    "/compare/?f=django&f=flask&f=fastapi",
    "/criteria/",
    "/criteria/admin/",
    "/use-cases/",
    "/use-cases/personal-blog/",
    "/recommend/",
    "/recommend/verdict/?project_type=banking&security=high",
    "/recommend/verdict.json?project_type=blog",
    "/recommend/verdict.md?project_type=blog",
    "/api/catalogue.json",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_warm_pages_run_no_query_and_answer_304_to_a_repeat(client, seeded, path):
    first = client.get(path)
    assert first.status_code == 200
    etag = first["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(path)
    assert len(queries) == 0
    assert again.content == first.content
    assert again["ETag"] == etag
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    not_modified = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""


def test_an_editors_save_shows_on_the_next_request(
    client, seeded, django_capture_on_commit_callbacks
):
    page = client.get("/frameworks/flask/")
    etag = page["ETag"]
    flask = Framework.objects.get(slug="flask")
    flask.tagline = "Freshly edited tagline"
    with django_capture_on_commit_callbacks(execute=True):
        flask.save()
    assert client.get("/frameworks/flask/", HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert "Freshly edited tagline" in client.get("/frameworks/flask/").content.decode()
    assert "Freshly edited tagline" in client.get("/").content.decode()


def test_a_delete_shows_on_the_next_request(client, seeded, django_capture_on_commit_callbacks):
    assert b"Bottle" in client.get("/frameworks/").content
    with django_capture_on_commit_callbacks(execute=True):
        Framework.objects.get(slug="bottle").delete()
    assert b"Bottle" not in client.get("/frameworks/").content


def test_brotli_for_clients_that_accept_it(client, seeded):
    import brotli

    plain = client.get("/compare/django-vs-flask/")
    compressed = client.get("/compare/django-vs-flask/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] == "br"
    assert "Accept-Encoding" in compressed["Vary"]
    assert brotli.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3


def test_signed_in_editors_and_errors_are_not_cached(admin_client_logged):
    bad = admin_client_logged.get("/recommend/verdict/?project_type=nope")
    assert bad.status_code == 400 and "ETag" not in bad
    page = admin_client_logged.get("/frameworks/django/")
    assert page.status_code == 200 and "ETag" not in page


def test_an_unreadable_version_entry_is_replaced(seeded):
    from django.core.cache import cache

    from compare_site import content_version

    first = content_version.current()
    # Simulate an entry another backend or version wrote: present, but unreadable.
    path = cache._key_to_file(content_version.VERSION_KEY)
    with open(path, "wb") as handle:
        handle.write(b"\x80\x05N.garbage")
    second = content_version.current()
    assert second != first and content_version.current() == second


def _environ(path, **extra):
    import io
    import sys

    path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        **extra,
    }


def _call(app, environ):
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.fixture
def keep_test_connection():
    """A bare WSGIHandler closes old connections on every request, the test's too;
    Django's test client switches that off in the same way."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_wsgi_fast_path_serves_exactly_what_django_cached(seeded, keep_test_connection):
    from django.core.handlers.wsgi import WSGIHandler

    from compare_site.page_cache import CachedPagesApp

    calls = []
    django_app = WSGIHandler()

    def counting(environ, start_response):
        calls.append(environ["PATH_INFO"])
        return django_app(environ, start_response)

    app = CachedPagesApp(counting)
    first = _call(app, _environ("/compare/django-vs-flask/?diff=1"))
    second = _call(app, _environ("/compare/django-vs-flask/?diff=1"))
    assert calls == ["/compare/django-vs-flask/"]  # the second never reached Django
    assert first[0] == second[0] == "200 OK"
    assert first[2] == second[2]
    for header in ("Content-Security-Policy", "X-Frame-Options", "ETag", "Content-Type"):
        assert first[1][header] == second[1][header]
    etag = second[1]["ETag"]
    assert (
        _call(app, _environ("/compare/django-vs-flask/?diff=1", HTTP_IF_NONE_MATCH=etag))[0]
        == "304 Not Modified"
    )
    # Another host, an unknown host, a session or a POST never takes the fast path.
    _call(app, _environ("/compare/django-vs-flask/?diff=1", HTTP_HOST="127.0.0.1"))
    bad = _call(app, _environ("/compare/django-vs-flask/?diff=1", HTTP_HOST="evil.example"))
    assert bad[0].startswith("400")
    _call(app, _environ("/compare/django-vs-flask/?diff=1", HTTP_COOKIE="sessionid=abc"))
    assert len(calls) == 4


def test_forwarded_host_is_part_of_the_key_when_trusted(seeded, keep_test_connection, settings):
    from django.core.handlers.wsgi import WSGIHandler

    from compare_site.page_cache import CachedPagesApp

    settings.USE_X_FORWARDED_HOST = True
    settings.ALLOWED_HOSTS = ["proxy.internal", "a.example", "b.example"]
    app = CachedPagesApp(WSGIHandler())
    pages = {
        host: _call(app, _environ("/", HTTP_HOST="proxy.internal", HTTP_X_FORWARDED_HOST=host))[
            2
        ].decode()
        for host in ("a.example", "b.example")
    }
    # Same proxy, two public hosts: each page names its own origin.
    assert 'content="http://a.example/"' in pages["a.example"]
    assert 'content="http://b.example/"' in pages["b.example"]


def test_cached_pages_turn_over_at_midnight(client, seeded, monkeypatch, settings):
    # Pages flag scores whose review is due, which depends on the day as well as the content.
    import datetime

    from frameworks.models import Score

    today = datetime.date.today()
    # Reviewed exactly the longest allowed time ago: due from tomorrow, not today.
    score = Score.objects.get(framework__slug="flask", criterion__slug="orm")
    Score.objects.filter(framework__slug="flask").update(last_reviewed=today)
    Score.objects.filter(pk=score.pk).update(
        last_reviewed=today - datetime.timedelta(days=settings.REVIEW_MAX_AGE_DAYS)
    )
    first = client.get("/frameworks/flask/")
    assert client.get("/frameworks/flask/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert "review due" not in first.content.decode()

    class Tomorrow(datetime.date):
        @classmethod
        def today(cls):
            return today + datetime.timedelta(days=1)

    # One clock for the page cache's key and the pages' "review due" flags.
    monkeypatch.setattr(datetime, "date", Tomorrow)
    later = client.get("/frameworks/flask/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert later.status_code == 200
    assert later["ETag"] != first["ETag"]
    assert later.content.decode().count("review due") == 1

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
    client.get(path)  # rendered once: not stored yet (see the admission tests below)
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

    from pagecache.page_cache import CachedPagesApp

    calls = []
    django_app = WSGIHandler()

    def counting(environ, start_response):
        calls.append(environ["PATH_INFO"])
        return django_app(environ, start_response)

    app = CachedPagesApp(counting)
    _call(app, _environ("/compare/django-vs-flask/?diff=1"))  # rendered once, not stored
    first = _call(app, _environ("/compare/django-vs-flask/?diff=1"))
    second = _call(app, _environ("/compare/django-vs-flask/?diff=1"))
    assert calls == ["/compare/django-vs-flask/"] * 2  # the third never reached Django
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
    assert len(calls) == 5


def test_forwarded_host_is_part_of_the_key_when_trusted(seeded, keep_test_connection, settings):
    from django.core.handlers.wsgi import WSGIHandler

    from pagecache.page_cache import CachedPagesApp

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
    client.get("/frameworks/flask/")
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


def test_a_script_name_header_cannot_store_one_page_under_anothers_key(
    seeded, keep_test_connection
):
    # What gunicorn used to make of a request for /compare/django-vs-flask/ carrying
    # the header `SCRIPT_NAME: /compare/django-vs-flask`.
    from django.core.handlers.wsgi import WSGIHandler

    from pagecache.page_cache import CachedPagesApp

    app = CachedPagesApp(WSGIHandler())
    _call(app, _environ("/", SCRIPT_NAME="/compare/django-vs-flask"))
    status, _headers, body = _call(app, _environ("/compare/django-vs-flask/"))
    assert status == "200 OK"
    assert "<title>Django vs Flask: side by side" in body.decode()


def test_junk_parameters_get_the_cached_page_and_store_nothing(client, seeded):
    page = client.get("/compare/django-vs-flask/")
    for n in range(20):
        with CaptureQueriesContext(connection) as queries:
            junk = client.get(f"/compare/django-vs-flask/?utm_source={n}&x{n}=1")
        assert len(queries) == 0  # the page cached for the bare address
        assert junk.content == page.content


def test_a_page_for_an_address_with_junk_is_never_stored(client, seeded):
    junk = client.get("/?utm_source=newsletter")
    assert junk.status_code == 200
    assert "ETag" not in junk
    with CaptureQueriesContext(connection) as queries:
        plain = client.get("/")
    assert len(queries) > 0  # rendered afresh: nothing was stored for it
    assert "utm_source" not in plain.content.decode()
    assert "utm_source" not in junk.content.decode()  # links are built, never copied
    client.get("/")  # the second render of the bare address is stored
    with CaptureQueriesContext(connection) as queries:
        client.get("/?utm_source=newsletter")
    assert len(queries) == 0  # now served from the bare address's page


def test_parameters_a_page_reads_are_part_of_its_key(client, seeded):
    every = client.get("/frameworks/").content.decode()
    micro = client.get("/frameworks/?kind=micro").content.decode()
    assert micro != every and "Django" in every and "Django" not in micro.split("<main")[-1]
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/frameworks/?kind=micro&utm_medium=mail").content.decode() == micro
    assert len(queries) == 0
    verdict_blog = client.get("/recommend/verdict.json?project_type=blog").json()
    verdict_bank = client.get("/recommend/verdict.json?project_type=banking").json()
    assert verdict_blog["answers"] != verdict_bank["answers"]


def test_brotli_refused_with_q_zero(client, seeded):
    page = client.get("/compare/django-vs-flask/", HTTP_ACCEPT_ENCODING="br;q=0, gzip")
    assert page.get("Content-Encoding") != "br"
    assert b"<html" in page.content
    star = client.get("/compare/django-vs-flask/", HTTP_ACCEPT_ENCODING="*")
    assert star["Content-Encoding"] == "br"


def test_each_encoding_has_its_own_etag(client, seeded):
    plain = client.get("/compare/django-vs-flask/")
    compressed = client.get("/compare/django-vs-flask/", HTTP_ACCEPT_ENCODING="br")
    assert plain["ETag"] != compressed["ETag"]
    assert (
        client.get("/compare/django-vs-flask/", HTTP_IF_NONE_MATCH=compressed["ETag"]).status_code
        == 200
    )  # a plain client holding the Brotli tag gets the plain body
    assert plain.content.startswith(b"<!doctype html>")


@pytest.mark.urls("tests.urls_cache_semantics")
def test_the_views_vary_is_kept_and_uncacheable_answers_are_not_stored(client, seeded):
    client.get("/varies-on-cookie/")
    first = client.get("/varies-on-cookie/")
    again = client.get("/varies-on-cookie/")
    assert again.content == first.content == b"2"  # stored, and served from the cache
    assert "Cookie" in again["Vary"] and "Accept-Encoding" in again["Vary"]
    for path in ("/no-cache/", "/vary-star/"):
        assert [client.get(path).content for _ in range(3)] == [b"1", b"2", b"3"], path


def test_the_release_fingerprint_covers_python_code(settings):
    from pagecache import content_version

    sources = set(content_version.release_sources())
    base = settings.BASE_DIR
    assert base / "frameworks" / "views.py" in sources
    assert base / "recommender" / "scoring.py" in sources
    assert base / "templates" / "base.html" in sources
    assert not any("tests" in path.parts for path in sources)


def test_a_questionnaire_edit_shows_on_the_next_request(
    client, seeded, django_capture_on_commit_callbacks
):
    from recommender.models import Choice

    assert "Renamed by an editor" not in client.get("/recommend/").content.decode()
    choice = Choice.objects.get(question__slug="project_type", slug="blog")
    choice.label = "Renamed by an editor"
    with django_capture_on_commit_callbacks(execute=True):
        choice.save()
    assert "Renamed by an editor" in client.get("/recommend/").content.decode()


@pytest.mark.urls("tests.urls_cache_semantics")
def test_a_view_reading_an_undeclared_parameter_is_never_stored(client, seeded, caplog):
    assert client.get("/reads-undeclared/").content == b"- 1"
    assert client.get("/reads-undeclared/?extra=yes").content == b"yes 2"
    assert client.get("/reads-undeclared/").content == b"- 3"
    assert "does not declare (extra)" in caplog.text


def _rendered(client, path: str) -> bool:
    """Whether the page was rendered (it read the database) rather than served stored."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries) > 0


def test_a_page_is_stored_the_second_time_a_worker_renders_it(client, seeded):
    """A page asked once (a crawler's, a unique verdict) costs no write and takes
    no room from the pages readers come back to."""
    assert [_rendered(client, "/frameworks/flask/") for _ in range(3)] == [True, True, False]


def test_pages_asked_once_are_forgotten_oldest_first(client, seeded, settings):
    settings.PAGE_CACHE_SEEN_KEYS = 2
    for path in ("/criteria/", "/criteria/admin/", "/use-cases/"):
        assert _rendered(client, path)
    assert [_rendered(client, "/use-cases/") for _ in range(2)] == [True, False]
    # The oldest of the three was forgotten: asked again, it counts as a first render.
    assert [_rendered(client, "/criteria/") for _ in range(3)] == [True, True, False]


def test_every_page_is_stored_the_first_time_when_seen_keys_is_zero(client, seeded, settings):
    settings.PAGE_CACHE_SEEN_KEYS = 0
    assert [_rendered(client, "/criteria/") for _ in range(2)] == [True, False]


def test_a_miss_through_the_wsgi_fast_path_looks_the_page_and_version_up_once(
    seeded, keep_test_connection, monkeypatch
):
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler

    from pagecache.page_cache import CachedPagesApp

    app = CachedPagesApp(WSGIHandler())
    _call(app, _environ("/criteria/"))  # reads the content version into the cache
    asked = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        asked.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    status, _headers, body = _call(app, _environ("/compare/django-vs-flask/"))
    assert status == "200 OK" and b"Django vs Flask" in body
    pages = [key for key in asked if key.startswith("page:")]
    versions = [key for key in asked if key == "content-version"]
    assert len(pages) == 1 and len(versions) == 1, asked

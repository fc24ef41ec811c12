"""Foundation: the pages every visitor meets first, health, settings and static files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError
from django.templatetags.static import static

ROOT = Path(__file__).resolve().parent.parent


def test_home_says_what_the_site_is(client, seeded):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Which Python web framework fits your project?" in html
    assert 'href="/recommend/"' in html
    assert 'action="/compare/"' in html
    assert "Django vs Flask" in html
    assert html.index("Django vs Flask") < html.index("Django vs FastAPI")


def test_base_layout_has_landmarks_and_skip_link(client, seeded):
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<nav aria-label="Main">' in html
    assert "<footer" in html
    for section in ("/frameworks/", "/compare/", "/criteria/", "/use-cases/", "/recommend/"):
        assert f'href="{section}"' in html


def test_unknown_page_is_a_friendly_404(client, seeded):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "Traceback" not in html
    assert 'href="/frameworks/"' in html


def test_healthz_answers_when_the_database_does(client, seeded):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


def test_healthz_answers_503_when_the_database_is_unreachable(client, seeded, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    with monkeypatch.context() as patched:
        patched.setattr(CursorWrapper, "execute", broken)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_a_database_outage_is_a_503_with_the_sites_page_while_cached_pages_still_serve(
    client, seeded, monkeypatch
):
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    client.get("/frameworks/django/")
    cached = client.get("/frameworks/django/")  # the second render is stored

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    client.raise_request_exception = False
    with monkeypatch.context() as patched:
        patched.setattr(CursorWrapper, "execute", broken)
        again = client.get("/frameworks/django/")
        uncached = client.get("/frameworks/flask/")
    assert again.status_code == 200 and again.content == cached.content
    assert uncached.status_code == 503
    assert int(uncached["Retry-After"]) > 0
    html = uncached.content.decode()
    assert "Back in a moment" in html
    assert "Traceback" not in html and "connection refused" not in html


def test_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "compare_site.settings"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def settings_in_a_fresh_process(**environ: str) -> dict:
    """Settings as a new process reads them from this environment, DEBUG unset unless given."""
    env = _without(os.environ, "DEBUG", "ALLOWED_HOSTS")
    env.update(DJANGO_SETTINGS_MODULE="compare_site.settings", SECRET_KEY="x", **environ)
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'DEBUG': s.DEBUG, 'ALLOWED_HOSTS': s.ALLOWED_HOSTS, "
        "'NOSNIFF': s.SECURE_CONTENT_TYPE_NOSNIFF}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_settings_are_production_safe_by_default():
    # Whatever DEBUG this test run has: the default is what a fresh deploy gets.
    default = settings_in_a_fresh_process()
    assert default == {"DEBUG": False, "ALLOWED_HOSTS": ["localhost", "127.0.0.1"], "NOSNIFF": True}
    assert settings_in_a_fresh_process(DEBUG="")["DEBUG"] is False
    assert settings_in_a_fresh_process(DEBUG="0")["DEBUG"] is False
    assert settings_in_a_fresh_process(DEBUG="1")["DEBUG"] is True


@pytest.mark.parametrize("name", ["css/site.css", "bootstrap/css/bootstrap.min.css"])
def test_static_files_have_hashed_names_and_immutable_caching(client, seeded, name):
    url = static(name)
    assert url != f"/static/{name}", "static files must be served under hashed names"
    response = client.get(url)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "immutable" in cache_control
    max_age = int(cache_control.split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 3600


def test_pages_send_security_headers(client, seeded):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_robots_points_at_the_sitemap(client, seeded):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    # A moved admin path would be given away by naming it here.
    assert "admin" not in response.content.decode()


def test_favicon_ico_points_at_the_icon(client, seeded):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == static("img/favicon.svg")


def test_server_error_page_shows_no_stack_trace(client, seeded, settings):
    settings.ROOT_URLCONF = "tests.urls_failing"
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "Traceback" not in html and "something broke" not in html


def test_signing_in_with_an_off_site_next_lands_on_the_admin_index(client, django_user_model):
    django_user_model.objects.create_user("ida", password="a-long-password-1", is_staff=True)
    response = client.post(
        "/admin/login/?next=https://evil.example/",
        {"username": "ida", "password": "a-long-password-1", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_the_static_manifest_is_not_served(client, seeded):
    """It lists every static file the site has, plugins and versions included."""
    assert client.get(static("css/site.css")).status_code == 200
    for name in ("staticfiles.json", "staticfiles.json.gz", "staticfiles.json.br"):
        assert client.get(f"/static/{name}").status_code == 404, name


def _without(env: dict, *names: str) -> dict:
    return {k: v for k, v in env.items() if k not in names}


def test_a_local_run_creates_its_key_and_database_private(tmp_path):
    var = tmp_path / "var"
    env = _without(os.environ, "SECRET_KEY", "DATABASE_URL")
    env.update(VAR_DIR=str(var), CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    modes = {
        path.name: path.stat().st_mode & 0o777
        for path in (var, var / "secret_key", var / "db.sqlite3")
    }
    assert modes == {"var": 0o700, "secret_key": 0o600, "db.sqlite3": 0o600}


def test_an_invalid_host_header_logs_one_line_not_a_traceback(tmp_path):
    code = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/', HTTP_HOST='evil.example')\n"
        "print(response.status_code)\n"
    )
    env = {**os.environ, "CACHE_DIR": str(tmp_path / "cache"), "LOG_LEVEL": "WARNING"}
    env["DJANGO_SETTINGS_MODULE"] = "compare_site.settings"
    env.setdefault("SECRET_KEY", "x")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "400"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "evil.example" in lines[0], result.stderr

"""Deploy-grade security: check --deploy, headers on every page, the admin's address."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.frameworks.test_pages import PAGES

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = [
    *PAGES,
    "/recommend/",
    "/recommend/verdict/?project_type=blog&project_size=small",
    "/recommend/verdict.json?project_type=blog",
    "/recommend/verdict/?project_type=spaceship",
    "/no-such-page/",
    "/frameworks/no-such-framework/",
    "/changes/",
    "/frameworks/flask/history/",
    "/frameworks/flask/scores/admin/history/",
    "/frameworks/flask/scores/admin/suggest/",
]


def production_env(**extra: str) -> dict[str, str]:
    # Not the test run's own switches (the browser tests allow async-unsafe ORM calls).
    ignored = {"DEBUG", "ADMIN_PATH", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    env.update(
        DJANGO_SETTINGS_MODULE="compare_site.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(60),
        HTTPS_ONLY="1",
        **extra,
    )
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def assert_security_headers(response) -> None:
    csp = response["Content-Security-Policy"]
    directives = dict(
        (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in csp.split(";")) if part
    )
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", PUBLIC)
def test_every_public_page_carries_the_security_headers(client, seeded, path):
    first, second = client.get(path), client.get(path)  # rendered, then from the page cache
    assert first.status_code < 500
    assert_security_headers(first)
    assert_security_headers(second)


def test_public_pages_do_not_give_the_admin_address_away(client, seeded):
    for path in ("/", "/frameworks/django/", "/recommend/"):
        assert 'href="/admin/' not in client.get(path).content.decode()


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/admin/frameworks/framework/"])
def test_the_admin_carries_them_too(admin_client_logged, path):
    assert_security_headers(admin_client_logged.get(path))


def test_check_deploy_is_clean_with_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_turn_on_https_protections():
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ["
        "'DEBUG', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', "
        "'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SECURE_PROXY_SSL_HEADER']}))"
    )
    result = run(["-c", script], production_env())
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_the_admin_path_is_configurable(tmp_path):
    script = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "print(c.get('/editors-desk/login/', secure=True).status_code, "
        "c.get('/admin/login/', secure=True).status_code)"
    )
    env = production_env(
        ADMIN_PATH="editors-desk", ALLOWED_HOSTS="testserver", CACHE_DIR=str(tmp_path)
    )
    result = run(["-c", script], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "404"]


def test_health_checks_over_plain_http_are_not_redirected(tmp_path):
    script = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "print(c.get('/healthz').status_code, c.get('/').status_code)"
    )
    env = production_env(
        ALLOWED_HOSTS="testserver",
        CACHE_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'health.sqlite3'}",
    )
    result = run(["-c", script], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "301"]

"""Three gunicorn workers, one edit: no worker may serve the old page afterwards.

Runs against the cache the environment configures: the embedded file cache by
default, Redis when REDIS_URL is set (as .ci/run does in its last step).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PATH = "/frameworks/flask/"
READS = 90

pytestmark = [pytest.mark.gunicorn]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str:
    # A new connection each time, so that requests spread over the workers.
    request = urllib.request.Request(url, headers={"Connection": "close"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


@pytest.fixture
def site(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "CACHE_DIR": str(tmp_path / "cache"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "3",
        "GUNICORN_ACCESS_LOG": str(tmp_path / "access.log"),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    if env.get("REDIS_URL"):
        # A fresh key prefix, so that runs never share pages through Redis.
        env["CACHE_KEY_PREFIX"] = f"test-{port}"
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["seed", "-v0"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, timeout=300)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "compare_site/gunicorn.conf.py",
            "--access-logformat",
            "%(p)s %(U)s %(s)s",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "error.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            get(base + "/healthz")
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                errors = (tmp_path / "error.log").read_text()[-2000:]
                pytest.fail("gunicorn did not start: " + errors)
            time.sleep(0.2)
    yield base, env, tmp_path / "access.log"
    server.terminate()
    server.wait(timeout=30)


def pids_that_served(log: Path, path: str) -> set[str]:
    lines = [line.split() for line in log.read_text().splitlines()]
    return {parts[0] for parts in lines if len(parts) == 3 and parts[1] == path}


def test_an_edit_reaches_every_worker_at_once(site):
    base, env, log = site
    original = get(base + PATH)
    assert "Freshly edited by an editor" not in original
    # Read until every worker has served the page (the kernel, not us, picks which).
    for _round in range(10):
        for _ in range(READS):
            assert get(base + PATH) == original
        time.sleep(0.3)  # let the access log flush
        if len(pids_that_served(log, PATH)) == 3:
            break
    assert len(pids_that_served(log, PATH)) == 3, "not every worker served the page"

    edit = (
        "from frameworks.models import Framework\n"
        "fw = Framework.objects.get(slug='flask')\n"
        "fw.tagline = 'Freshly edited by an editor'\n"
        "fw.save()\n"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", edit],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    stale = [i for i in range(READS) if "Freshly edited by an editor" not in get(base + PATH)]
    assert stale == [], f"{len(stale)} of {READS} requests after the edit got the old page"


def test_oversized_answers_reach_django_and_get_a_clear_message(site):
    base, _env, _log = site
    url = f"{base}/recommend/verdict/?project_type={'x' * 5_000}&security=high"
    try:
        get(url)
        status, body = 200, ""
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    assert status == 400
    assert "5,000 characters long" in body


def get_status(url: str, headers: dict | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Connection": "close", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_a_request_line_over_8_kb_is_refused_by_gunicorn(site):
    base, _env, _log = site
    status, body = get_status(f"{base}/recommend/verdict/?project_type={'x' * 9_000}")
    # gunicorn's own answer, before any parsing of the query: no worker time spent.
    assert status == 414
    assert "URI Too Long" in body


def test_a_script_name_header_cannot_poison_the_page_cache(site):
    base, _env, _log = site
    page = "/compare/django-vs-flask/"
    for headers in ({"SCRIPT_NAME": page.rstrip("/")}, {}):
        # gunicorn drops the header: the reader gets the page asked for, and so does the next.
        status, body = get_status(base + page, headers)
        assert status == 200
        assert "<title>Django vs Flask: side by side" in body


def raw_head(base: str, path: str) -> tuple[str, bytes]:
    """A HEAD request on a bare socket: (status line and headers, every byte after them).

    http.client knows that a HEAD response has no body and never reads one, so
    it cannot tell whether the server sent one.
    """
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"HEAD {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, rest = received.partition(b"\r\n\r\n")
    return head.decode("latin-1"), rest


def test_head_requests_get_headers_without_a_body(site, tmp_path):
    base, _env, _log = site
    # A miss (rendered by Django) and then a hit (answered from the cache).
    for path in ("/frameworks/flask/", "/frameworks/flask/", "/no-such-page/"):
        head, rest = raw_head(base, path)
        assert head.startswith(("HTTP/1.1 200", "HTTP/1.1 404")), head
        assert "etag:" in head.lower() or "404" in head.split("\r\n")[0]
        assert rest == b"", path
    time.sleep(0.3)  # let the error log flush
    # gunicorn drops body bytes on a HEAD response, and says so: the app must send none.
    assert "no-body response" not in (tmp_path / "error.log").read_text()

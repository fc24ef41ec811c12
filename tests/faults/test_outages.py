"""The production shape while its dependencies fail (`make test-faults`).

A throw-away PostgreSQL 15, a redis-server and gunicorn with 3 workers, all on
loopback, with four reader threads requesting cached pages throughout. The
tests kill and restart Redis, freeze it (SIGSTOP, then SIGCONT), stop and
restart PostgreSQL, and check what readers and editors get. Every server is
stopped on the way out, whether the tests pass or not.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

from scripts.servers import PostgresServer, RedisServer
from scripts.throwaway_site import ThrowawaySite

ROOT = Path(__file__).resolve().parent.parent.parent
READER_PAGES = ["/", "/compare/django-vs-flask/", "/frameworks/django/", "/frameworks/flask/"]
SLOWEST_ANSWER = 2.0  # seconds: the bound for every answer during a cache outage

pytestmark = [pytest.mark.faults]


@dataclass
class Site:
    port: int
    env: dict
    server: subprocess.Popen
    access_log: Path
    redis: RedisServer
    postgres: PostgresServer

    def workers(self) -> set[int]:
        children = Path(f"/proc/{self.server.pid}/task/{self.server.pid}/children")
        return {int(pid) for pid in children.read_text().split()}


def fetch(port: int, path: str, timeout: float = 5.0) -> tuple[int, dict, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Connection": "close"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    access_log = tmp_path_factory.mktemp("faults") / "access.log"
    with PostgresServer() as postgres, RedisServer() as redis_server:
        env = {
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis_server.url,
            "CACHE_KEY_PREFIX": f"faults-{redis_server.port}",
            "WEB_CONCURRENCY": "3",
            "GUNICORN_ACCESS_LOG": str(access_log),
            # Which worker answered: the freeze test checks that all three serve the edit.
            "GUNICORN_CMD_ARGS": "--access-logformat '%(p)s %(U)s %(s)s'",
        }
        with ThrowawaySite("compare-faults.", **env) as throwaway:
            throwaway.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            throwaway.seed()
            throwaway.start()
            port = int(throwaway.base.rsplit(":", 1)[1])
            yield Site(port, throwaway.env, throwaway.server, access_log, redis_server, postgres)


@dataclass
class Answer:
    started: float
    seconds: float
    status: int | str  # an HTTP status, or what went wrong


class Readers:
    """Four readers requesting cached pages one after another, as fast as answered."""

    def __init__(self, port: int, threads: int = 4) -> None:
        self.port = port
        self.answers: list[Answer] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._read, args=(i,)) for i in range(threads)]

    def _read(self, offset: int) -> None:
        n = offset
        while not self._stop.is_set():
            path = READER_PAGES[n % len(READER_PAGES)]
            n += 1
            started = time.monotonic()
            try:
                status: int | str = fetch(self.port, path, timeout=10)[0]
            except OSError as error:
                status = f"{type(error).__name__}: {error}"
            self.answers.append(Answer(started, time.monotonic() - started, status))
            time.sleep(0.005)  # bounded: leave the shared machine some room

    def __enter__(self) -> Readers:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def between(self, start: float, end: float) -> list[Answer]:
        return [a for a in self.answers if start <= a.started <= end]


def assert_no_reader_noticed(answers: list[Answer]) -> None:
    assert len(answers) > 50, "the readers hardly ran"
    bad = [a for a in answers if not isinstance(a.status, int) or a.status >= 500]
    slow = [a for a in answers if a.seconds >= SLOWEST_ANSWER]
    assert not bad, f"{len(bad)} of {len(answers)} failed, e.g. {bad[:3]}"
    assert not slow, f"{len(slow)} of {len(answers)} took 2 s or more, e.g. {slow[:3]}"


def warm(site: Site) -> None:
    for _ in range(6):
        for path in READER_PAGES:
            assert fetch(site.port, path)[0] == 200


def test_killing_redis_for_5_s_is_unnoticed_by_readers(site):
    warm(site)
    with Readers(site.port) as readers:
        time.sleep(1)
        start = time.monotonic()
        site.redis.kill()
        time.sleep(5)
        site.redis.start()
        end = time.monotonic()
        time.sleep(2)
    assert_no_reader_noticed(readers.between(start - 0.5, end + 2))
    assert fetch(site.port, "/healthz")[0] == 200


EDIT = """
import sys
from frameworks.models import Framework
print("ready", flush=True)
tagline = sys.stdin.readline().strip()
fw = Framework.objects.get(slug="flask")
fw.tagline = tagline
fw.save()
fw.refresh_from_db()
print("saved", fw.tagline, flush=True)
"""


def pids_serving(log: Path, path: str, after_line: int) -> set[str]:
    lines = log.read_text().splitlines()[after_line:]
    return {parts[0] for parts in map(str.split, lines) if len(parts) == 3 and parts[1] == path}


def test_freezing_redis_for_5_s_with_a_save_meanwhile(site):
    warm(site)
    tagline = f"Saved while Redis was frozen {time.time():.0f}"
    editor = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", EDIT],
        cwd=ROOT, env=site.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert editor.stdout.readline().strip() == "ready"
        with Readers(site.port) as readers:
            time.sleep(1)
            start = time.monotonic()
            site.redis.freeze()
            try:
                time.sleep(0.5)
                editor.stdin.write(tagline + "\n")
                editor.stdin.flush()
                saved = editor.stdout.readline().strip()
                saved_at = time.monotonic()
                time.sleep(max(0.0, start + 5 - time.monotonic()))
            finally:
                site.redis.thaw()
            end = time.monotonic()
            time.sleep(2)
        assert editor.wait(timeout=30) == 0
    finally:
        if editor.poll() is None:
            editor.kill()
            editor.wait()
    assert saved == f"saved {tagline}"  # committed, no error...
    assert saved_at < end  # ...while Redis was still frozen
    assert_no_reader_noticed(readers.between(start - 0.5, end + 2))

    # Within 5 s of the thaw, every worker serves the saved value.
    time.sleep(max(0.0, end + 5 - time.monotonic()))
    time.sleep(0.3)  # let the access log flush
    log_lines = len(site.access_log.read_text().splitlines())
    bodies = [fetch(site.port, "/frameworks/flask/")[2] for _ in range(60)]
    assert all(tagline in body for body in bodies)
    time.sleep(0.3)
    assert len(pids_serving(site.access_log, "/frameworks/flask/", log_lines)) == 3


def test_stopping_postgresql(site):
    warm(site)
    uncached = "/use-cases/"
    master, workers = site.server.pid, site.workers()
    assert len(workers) == 3
    with Readers(site.port) as readers:
        start = time.monotonic()
        site.postgres.stop()
        try:
            time.sleep(2.5)  # past the cached copy of the content version
            for path in ("/", "/compare/django-vs-flask/"):
                assert all(fetch(site.port, path)[0] == 200 for _ in range(12)), path
            status, headers, body = fetch(site.port, uncached)
            assert status == 503
            assert int(headers["Retry-After"]) > 0
            assert "Back in a moment" in body and "Traceback" not in body
            status, _headers, body = fetch(site.port, "/healthz")
            assert status == 503
            assert json.loads(body)["database"] == "down"
        finally:
            site.postgres.start()
        restarted = time.monotonic()
        recovered = None
        while time.monotonic() < restarted + 10:
            answers = [fetch(site.port, path)[0] for path in (uncached, "/healthz", "/criteria/")]
            if answers == [200, 200, 200]:
                recovered = time.monotonic()
                break
            time.sleep(0.1)
        end = time.monotonic()
    assert recovered is not None and recovered - restarted < 3
    # Every worker recovered, not just the one that answered first.
    assert all(fetch(site.port, "/criteria/")[0] == 200 for _ in range(30))
    assert site.server.poll() is None and site.server.pid == master
    assert site.workers() == workers  # no worker was restarted
    assert_no_reader_noticed(readers.between(start, end))


def test_junk_query_strings_leave_the_real_pages_cached(site):
    client = redis.Redis.from_url(site.redis.url)
    pages = ["/", "/compare/django-vs-flask/"]
    etags = {}
    for path in pages:
        # Six asks of three workers: one of them renders it twice, and stores it.
        for _ in range(6):
            etags[path] = fetch(site.port, path)[1]["ETag"]
    before = client.info("stats")
    keys_before = client.dbsize()

    def junk(offset: int, out: list) -> None:
        for n in range(offset, 10_000, 4):
            path = pages[n % 2]
            status, headers, _body = fetch(site.port, f"{path}?utm_source=n{n}&junk{n}=x")
            out.append((status, headers.get("ETag") == etags[path]))

    results: list = []
    threads = [threading.Thread(target=junk, args=(i, results)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    after = client.info("stats")
    assert len(results) == 10_000
    assert all(status == 200 for status, _ in results)
    served_from_cache = sum(1 for _, same_page in results if same_page)
    assert served_from_cache == 10_000
    # Nothing was stored for them; every page lookup was a hit (the few misses are
    # the content version's two-second copy being refilled).
    assert client.dbsize() <= keys_before + 2
    assert after["keyspace_hits"] - before["keyspace_hits"] >= 10_000
    assert after["keyspace_misses"] - before["keyspace_misses"] < 200
    for path in pages:
        hits = client.info("stats")["keyspace_hits"]
        status, headers, _body = fetch(site.port, path)
        assert status == 200 and headers["ETag"] == etags[path]
        assert client.info("stats")["keyspace_hits"] > hits

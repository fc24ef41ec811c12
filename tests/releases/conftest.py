"""A local stand-in for the package index, serving recorded answers; never the real index."""

import contextlib
import datetime
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.editorial.conftest import make_editor  # noqa: F401 (a fixture these tests share)

ANSWERS = Path(__file__).resolve().parent / "answers"


def recorded(name: str) -> dict:
    """A trimmed real answer from the index, and when it was recorded."""
    return json.loads((ANSWERS / f"{name}.json").read_text())


def recorded_project(name: str) -> dict:
    return recorded(name)["project"]


def recorded_at(name: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(recorded(name)["recorded_at"])


class FakeIndex:
    """path -> (status, body bytes, delay in seconds); anything else is a 404."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, float]] = {}
        self.requests: list[str] = []

    def answer(self, package: str, body, *, status: int = 200, delay: float = 0.0) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.routes[f"/pypi/{package}/json"] = (status, data, delay)

    def serve_recorded(self, package: str, name: str | None = None) -> None:
        self.answer(package, recorded_project(name or package.lower()))


@pytest.fixture
def fake_index(settings):
    index = FakeIndex()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            index.requests.append(self.path)
            status, body, delay = index.routes.get(self.path, (404, b"", 0.0))
            if delay:
                time.sleep(delay)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may have given up waiting, as it should.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.PACKAGE_INDEX_URL = f"http://127.0.0.1:{server.server_address[1]}/pypi"
    settings.PACKAGE_INDEX_TIMEOUT = 2
    yield index
    server.shutdown()
    server.server_close()


@pytest.fixture
def unreachable_index(settings):
    """An address where nothing listens: the port of a socket just closed."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.PACKAGE_INDEX_URL = f"http://127.0.0.1:{port}/pypi"
    settings.PACKAGE_INDEX_TIMEOUT = 2

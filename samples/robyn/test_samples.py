import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from robyn.testing import TestClient
from websockets.sync.client import connect

import books
import greet
import hello
import json_api
import subscribe

HERE = Path(__file__).parent


@pytest.fixture
def served(request):
    """Run a sample module under Robyn's own server on a free port; yield its port.

    TestClient calls handlers in-process: it neither sets the headers the Rust
    runtime adds nor speaks WebSocket, so those tests need the real server.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "ROBYN_PORT": str(port)}
    module = HERE / f"{request.param}.py"
    server = subprocess.Popen(
        [sys.executable, module, "--log-level", "WARNING"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 20
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            assert server.poll() is None, "the server exited"
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
        yield port
    finally:
        # Robyn ignores SIGTERM; Ctrl+C (SIGINT to its process group) stops it.
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_hello_returns_text():
    response = TestClient(hello.app).get("/")
    assert response.status_code == 200
    assert response.text == "Hello, world!"


@pytest.mark.parametrize("served", ["hello"], indirect=True)
def test_hello_is_served_as_plain_text(served):
    with urllib.request.urlopen(f"http://127.0.0.1:{served}/") as response:
        assert response.headers["Content-Type"].startswith("text/plain")
        assert response.read() == b"Hello, world!"


def test_json_api_returns_item():
    response = TestClient(json_api.app).get("/items/1")
    assert response.status_code == 200
    assert response.json() == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_id_is_json_404():
    response = TestClient(json_api.app).get("/items/99")
    assert response.status_code == 404
    assert response.json() == {"error": "not found"}


def test_json_api_non_integer_id_is_not_routed():
    # Robyn checks the value against the int annotation and answers 400 itself.
    response = TestClient(json_api.app).get("/items/abc")
    assert response.status_code == 400


def test_template_greets_by_name():
    response = TestClient(greet.app).get("/greet", query_params={"name": "Ada"})
    assert response.status_code == 200
    assert "Hello, Ada!" in response.text


def test_template_escapes_the_name():
    client = TestClient(greet.app)
    response = client.get("/greet", query_params={"name": "<script>alert(1)</script>"})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>" not in response.text


def test_form_rejects_invalid_email():
    response = TestClient(subscribe.app).post("/subscribe", form_data={"email": "nope"})
    assert response.status_code == 400
    assert "Please enter a valid email address." in response.text


def test_form_thanks_valid_email():
    client = TestClient(subscribe.app)
    response = client.post("/subscribe", form_data={"email": "ada@example.com"})
    assert response.status_code == 200
    assert "Thanks for subscribing, ada@example.com!" in response.text


def test_database_lists_books():
    response = TestClient(books.app).get("/books")
    assert response.status_code == 200
    assert [book["title"] for book in response.json()] == [
        "Fluent Python",
        "Architecture Patterns with Python",
    ]


@pytest.mark.parametrize("served", ["ws_echo"], indirect=True)
def test_realtime_echoes_messages(served):
    with connect(f"ws://127.0.0.1:{served}/ws", open_timeout=10) as ws:
        for message in ("ping", "pong"):
            ws.send(message)
            assert ws.recv(timeout=5) == message

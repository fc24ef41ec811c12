import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from websockets.sync.client import connect

import books
import greet
import hello
import json_api
import subscribe

HERE = Path(__file__).parent


def test_hello_returns_plain_text():
    response = hello.app.test_client().get("/")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.data == "Hello, world!"


def test_json_api_returns_item():
    response = json_api.app.test_client().get("/items/1")
    assert response.status == 200
    assert response.json() == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_id_is_json_404():
    response = json_api.app.test_client().get("/items/99")
    assert response.status == 404
    assert response.json() == {"error": "not found"}


def test_json_api_non_integer_id_is_not_routed():
    assert json_api.app.test_client().get("/items/abc").status == 404


def test_template_greets_by_name():
    response = greet.app.test_client().get("/greet", query_string={"name": "Ada"})
    assert response.status == 200
    assert "Hello, Ada!" in response.data


def test_template_escapes_the_name():
    client = greet.app.test_client()
    response = client.get("/greet", query_string={"name": "<script>alert(1)</script>"})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.data
    assert "<script>" not in response.data


def submit(email):
    """Load the form as a browser would, then post it with its CSRF token."""
    client = subscribe.app.test_client()
    page = client.get("/subscribe").data
    token = re.search(r'name="_csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return client.post("/subscribe", data={"email": email, "_csrf_token": token})


def test_form_rejects_invalid_email():
    response = submit("nope")
    # Emmett shows the form again, with the field's error message.
    assert response.status == 200
    assert "Please enter a valid email address." in response.data
    assert "Thanks" not in response.data


def test_form_thanks_valid_email():
    response = submit("ada@example.com")
    assert response.status == 200
    assert "Thanks for subscribing, ada@example.com!" in response.data


def test_database_lists_books():
    response = books.app.test_client().get("/books")
    assert response.status == 200
    assert [book["title"] for book in response.json()] == [
        "Fluent Python",
        "Architecture Patterns with Python",
    ]


@pytest.fixture
def ws_server():
    """`emmett serve` (Granian) on a free port: the test client does not speak WebSocket."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "emmett", "-a", "ws_echo.py", "serve"]
        + ["--host", "127.0.0.1", "--port", str(port)],
        cwd=HERE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            assert server.poll() is None, "the server exited"
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_realtime_echoes_messages(ws_server):
    # The server does not answer the closing handshake while the handler waits in
    # receive(), so the client gives up on it after a second instead of ten.
    with connect(f"ws://127.0.0.1:{ws_server}/ws", open_timeout=10, close_timeout=1) as ws:
        for message in ("ping", "pong"):
            ws.send(message)
            assert ws.recv(timeout=5) == message

"""Flask's test client (app.test_client()) for HTTP; a real server for the WebSocket."""

import threading

import pytest
from simple_websocket import Client
from werkzeug.serving import make_server

import books
import greet
import hello
import json_api
import subscribe
import ws_echo


def test_hello_returns_text():
    response = hello.app.test_client().get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.text == "Hello, world!"


def test_json_api_known_item():
    response = json_api.app.test_client().get("/items/1")
    assert response.status_code == 200
    assert response.json == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_item_is_json_404():
    response = json_api.app.test_client().get("/items/99")
    assert response.status_code == 404
    assert response.json == {"error": "not found"}


def test_json_api_non_integer_not_routed():
    assert json_api.app.test_client().get("/items/abc").status_code == 404


def test_template_escapes_name():
    response = greet.app.test_client().get(
        "/greet", query_string={"name": "<script>alert(1)</script>"}
    )
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>" not in response.text


def test_form_rejects_invalid_email():
    response = subscribe.app.test_client().post("/subscribe", data={"email": "nope"})
    assert response.status_code == 400
    assert "valid email" in response.text


def test_form_accepts_valid_email():
    response = subscribe.app.test_client().post("/subscribe", data={"email": "a@example.org"})
    assert response.status_code == 200
    assert "Thanks" in response.text


def test_database_lists_books():
    response = books.app.test_client().get("/books")
    assert response.json == [{"id": 1, "title": "Dune"}, {"id": 2, "title": "Emma"}]


@pytest.fixture
def ws_server():
    # The test client cannot speak WebSocket, so serve the app on a free loopback port.
    server = make_server("127.0.0.1", 0, ws_echo.app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"ws://127.0.0.1:{server.server_port}/ws"
    server.shutdown()


def test_realtime_websocket_echoes(ws_server):
    ws = Client.connect(ws_server)
    try:
        ws.send("ping")
        assert ws.receive(timeout=5) == "ping"
    finally:
        ws.close()

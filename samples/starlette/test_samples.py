"""Starlette's TestClient for HTTP and WebSocket."""

from starlette.testclient import TestClient

import books
import greet
import hello
import json_api
import subscribe
import ws_echo


def test_hello_returns_text():
    response = TestClient(hello.app).get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == "Hello, world!"


def test_json_api_known_item():
    response = TestClient(json_api.app).get("/items/1")
    assert response.status_code == 200
    assert response.json() == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_item_is_json_404():
    response = TestClient(json_api.app).get("/items/99")
    assert response.status_code == 404
    assert response.json() == {"error": "not found"}


def test_json_api_non_integer_not_routed():
    assert TestClient(json_api.app).get("/items/abc").status_code == 404


def test_template_escapes_name():
    response = TestClient(greet.app).get("/greet", params={"name": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>" not in response.text


def test_form_rejects_invalid_email():
    response = TestClient(subscribe.app).post("/subscribe", data={"email": "nope"})
    assert response.status_code == 400
    assert "valid email" in response.text


def test_form_accepts_valid_email():
    response = TestClient(subscribe.app).post("/subscribe", data={"email": "a@example.org"})
    assert response.status_code == 200
    assert "Thanks" in response.text


def test_database_lists_books():
    # The with block runs the lifespan, which creates and fills the table.
    with TestClient(books.app) as client:
        response = client.get("/books")
    assert response.json() == [{"id": 1, "title": "Dune"}, {"id": 2, "title": "Emma"}]


def test_realtime_websocket_echoes():
    with TestClient(ws_echo.app).websocket_connect("/ws") as ws:
        ws.send_text("ping")
        assert ws.receive_text() == "ping"

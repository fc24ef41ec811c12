from litestar.testing import TestClient

import books
import greet
import hello
import json_api
import subscribe
import ws_echo


def test_hello_returns_plain_text():
    with TestClient(app=hello.app) as client:
        response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == "Hello, world!"


def test_json_api_returns_item():
    with TestClient(app=json_api.app) as client:
        response = client.get("/items/1")
    assert response.status_code == 200
    assert response.json() == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_id_is_json_404():
    with TestClient(app=json_api.app) as client:
        response = client.get("/items/99")
    assert response.status_code == 404
    assert response.json() == {"error": "not found"}


def test_json_api_non_integer_id_is_not_routed():
    with TestClient(app=json_api.app) as client:
        assert client.get("/items/abc").status_code == 404


def test_template_greets_by_name():
    with TestClient(app=greet.app) as client:
        response = client.get("/greet", params={"name": "Ada"})
    assert response.status_code == 200
    assert "Hello, Ada!" in response.text


def test_template_escapes_the_name():
    with TestClient(app=greet.app) as client:
        response = client.get("/greet", params={"name": "<script>alert(1)</script>"})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>" not in response.text


def test_form_rejects_invalid_email():
    with TestClient(app=subscribe.app) as client:
        response = client.post("/subscribe", data={"email": "nope"})
    assert response.status_code == 400
    assert "Please enter a valid email address." in response.text


def test_form_thanks_valid_email():
    with TestClient(app=subscribe.app) as client:
        response = client.post("/subscribe", data={"email": "ada@example.com"})
    assert response.status_code == 200
    assert "Thanks for subscribing, ada@example.com!" in response.text


def test_database_lists_books():
    with TestClient(app=books.app) as client:
        response = client.get("/books")
    assert response.status_code == 200
    assert [book["title"] for book in response.json()] == [
        "Fluent Python",
        "Architecture Patterns with Python",
    ]


def test_realtime_echoes_messages():
    with TestClient(app=ws_echo.app) as client, client.websocket_connect("/ws") as ws:
        for message in ("ping", "pong"):
            ws.send_text(message)
            assert ws.receive_text(timeout=5) == message

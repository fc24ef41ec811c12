"""Falcon's own testing helpers: falcon.testing.TestClient and, for WebSockets, ASGIConductor."""

import asyncio

from falcon import testing

import books
import greet
import hello
import json_api
import subscribe
import ws_echo


def test_hello_returns_text():
    result = testing.TestClient(hello.app).simulate_get("/")
    assert result.status_code == 200
    assert result.headers["content-type"].startswith("text/plain")
    assert result.text == "Hello, world!"


def test_json_api_known_item():
    result = testing.TestClient(json_api.app).simulate_get("/items/1")
    assert result.status_code == 200
    assert result.json == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_item_is_json_404():
    result = testing.TestClient(json_api.app).simulate_get("/items/99")
    assert result.status_code == 404
    assert result.json == {"error": "not found"}


def test_json_api_non_integer_not_routed():
    assert testing.TestClient(json_api.app).simulate_get("/items/abc").status_code == 404


def test_template_escapes_name():
    client = testing.TestClient(greet.app)
    result = client.simulate_get("/greet", params={"name": "<script>alert(1)</script>"})
    assert result.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.text
    assert "<script>" not in result.text


def test_form_rejects_invalid_email():
    result = testing.TestClient(subscribe.app).simulate_post(
        "/subscribe", body="email=nope", content_type="application/x-www-form-urlencoded"
    )
    assert result.status_code == 400
    assert "valid email" in result.text


def test_form_accepts_valid_email():
    result = testing.TestClient(subscribe.app).simulate_post(
        "/subscribe", body="email=a%40example.org", content_type="application/x-www-form-urlencoded"
    )
    assert result.status_code == 200
    assert "Thanks" in result.text


def test_database_lists_books():
    result = testing.TestClient(books.app).simulate_get("/books")
    assert result.json == [{"id": 1, "title": "Dune"}, {"id": 2, "title": "Emma"}]


def test_realtime_websocket_echoes():
    async def talk():
        async with (
            testing.ASGIConductor(ws_echo.app) as conductor,
            conductor.simulate_ws("/ws") as ws,
        ):
            await ws.send_text("ping")
            return await ws.receive_text()

    assert asyncio.run(talk()) == "ping"

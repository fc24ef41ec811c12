import asyncio

import pytest

import books
import greet
import hello
import json_api
import subscribe
import ws_echo

# Quart's testing guide runs the async test client under pytest-asyncio.
pytestmark = pytest.mark.asyncio


async def test_hello_returns_plain_text():
    response = await hello.app.test_client().get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert await response.get_data(as_text=True) == "Hello, world!"


async def test_json_api_returns_item():
    response = await json_api.app.test_client().get("/items/1")
    assert response.status_code == 200
    assert await response.get_json() == {"id": 1, "name": "Keyboard"}


async def test_json_api_unknown_id_is_json_404():
    response = await json_api.app.test_client().get("/items/99")
    assert response.status_code == 404
    assert await response.get_json() == {"error": "not found"}


async def test_json_api_non_integer_id_is_not_routed():
    response = await json_api.app.test_client().get("/items/abc")
    assert response.status_code == 404


async def test_template_greets_by_name():
    response = await greet.app.test_client().get("/greet", query_string={"name": "Ada"})
    assert response.status_code == 200
    assert "Hello, Ada!" in await response.get_data(as_text=True)


async def test_template_escapes_the_name():
    client = greet.app.test_client()
    response = await client.get("/greet", query_string={"name": "<script>alert(1)</script>"})
    body = await response.get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>" not in body


async def test_form_rejects_invalid_email():
    response = await subscribe.app.test_client().post("/subscribe", form={"email": "nope"})
    assert response.status_code == 400
    assert "Please enter a valid email address." in await response.get_data(as_text=True)


async def test_form_thanks_valid_email():
    client = subscribe.app.test_client()
    response = await client.post("/subscribe", form={"email": "ada@example.com"})
    assert response.status_code == 200
    assert "Thanks for subscribing, ada@example.com!" in await response.get_data(as_text=True)


async def test_database_lists_books():
    response = await books.app.test_client().get("/books")
    assert response.status_code == 200
    titles = [book["title"] for book in await response.get_json()]
    assert titles == ["Fluent Python", "Architecture Patterns with Python"]


async def test_realtime_echoes_messages():
    async with ws_echo.app.test_client().websocket("/ws") as ws:
        await ws.send("ping")
        assert await asyncio.wait_for(ws.receive(), timeout=5) == "ping"
        await ws.send("pong")
        assert await asyncio.wait_for(ws.receive(), timeout=5) == "pong"

import pytest

import books
import greet
import hello
import json_api
import subscribe
import ws_echo

# pytest-aiohttp's aiohttp_client fixture serves an app on a free port for the test.
pytestmark = pytest.mark.asyncio


async def test_hello_returns_plain_text(aiohttp_client):
    client = await aiohttp_client(hello.create_app())
    response = await client.get("/")
    assert response.status == 200
    assert response.content_type == "text/plain"
    assert await response.text() == "Hello, world!"


async def test_json_api_returns_item(aiohttp_client):
    client = await aiohttp_client(json_api.create_app())
    response = await client.get("/items/1")
    assert response.status == 200
    assert await response.json() == {"id": 1, "name": "Keyboard"}


async def test_json_api_unknown_id_is_json_404(aiohttp_client):
    client = await aiohttp_client(json_api.create_app())
    response = await client.get("/items/99")
    assert response.status == 404
    assert await response.json() == {"error": "not found"}


async def test_json_api_non_integer_id_is_not_routed(aiohttp_client):
    client = await aiohttp_client(json_api.create_app())
    assert (await client.get("/items/abc")).status == 404


async def test_template_greets_by_name(aiohttp_client):
    client = await aiohttp_client(greet.create_app())
    response = await client.get("/greet", params={"name": "Ada"})
    assert response.status == 200
    assert "Hello, Ada!" in await response.text()


async def test_template_escapes_the_name(aiohttp_client):
    client = await aiohttp_client(greet.create_app())
    response = await client.get("/greet", params={"name": "<script>alert(1)</script>"})
    body = await response.text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>" not in body


async def test_form_rejects_invalid_email(aiohttp_client):
    client = await aiohttp_client(subscribe.create_app())
    response = await client.post("/subscribe", data={"email": "nope"})
    assert response.status == 400
    assert "Please enter a valid email address." in await response.text()


async def test_form_thanks_valid_email(aiohttp_client):
    client = await aiohttp_client(subscribe.create_app())
    response = await client.post("/subscribe", data={"email": "ada@example.com"})
    assert response.status == 200
    assert "Thanks for subscribing, ada@example.com!" in await response.text()


async def test_database_lists_books(aiohttp_client):
    client = await aiohttp_client(books.create_app())
    response = await client.get("/books")
    assert response.status == 200
    assert [book["title"] for book in await response.json()] == [
        "Fluent Python",
        "Architecture Patterns with Python",
    ]


async def test_realtime_echoes_messages(aiohttp_client):
    client = await aiohttp_client(ws_echo.create_app())
    async with client.ws_connect("/ws") as ws:
        for message in ("ping", "pong"):
            await ws.send_str(message)
            assert await ws.receive_str(timeout=5) == message

import asyncio

import pytest
import pytest_asyncio
from blacksheep.contents import FormContent
from blacksheep.testing import TestClient

import books
import greet
import hello
import json_api
import subscribe
import ws_echo

# One event loop for the module, so that each application is started once.
pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def client(request):
    # The testing guide starts the application once before handing it to TestClient;
    # starting it again for each test breaks its route handlers.
    app = request.param.app
    await app.start()
    yield TestClient(app)
    await app.stop()


def serving(module):
    return pytest.mark.parametrize("client", [module], indirect=True)


@serving(hello)
async def test_hello_returns_plain_text(client):
    response = await client.get("/")
    assert response.status == 200
    assert response.content_type().startswith(b"text/plain")
    assert await response.text() == "Hello, world!"


@serving(json_api)
async def test_json_api_returns_item(client):
    response = await client.get("/items/1")
    assert response.status == 200
    assert await response.json() == {"id": 1, "name": "Keyboard"}


@serving(json_api)
async def test_json_api_unknown_id_is_json_404(client):
    response = await client.get("/items/99")
    assert response.status == 404
    assert await response.json() == {"error": "not found"}


@serving(json_api)
async def test_json_api_non_integer_id_is_not_routed(client):
    assert (await client.get("/items/abc")).status == 404


@serving(greet)
async def test_template_greets_by_name(client):
    response = await client.get("/greet", query={"name": "Ada"})
    assert response.status == 200
    assert "Hello, Ada!" in await response.text()


@serving(greet)
async def test_template_escapes_the_name(client):
    response = await client.get("/greet", query={"name": "<script>alert(1)</script>"})
    body = await response.text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>" not in body


@serving(subscribe)
async def test_form_rejects_invalid_email(client):
    response = await client.post("/subscribe", content=FormContent({"email": "nope"}))
    assert response.status == 400
    assert "Please enter a valid email address." in await response.text()


@serving(subscribe)
async def test_form_thanks_valid_email(client):
    response = await client.post("/subscribe", content=FormContent({"email": "ada@example.com"}))
    assert response.status == 200
    assert "Thanks for subscribing, ada@example.com!" in await response.text()


@serving(books)
async def test_database_lists_books(client):
    response = await client.get("/books")
    assert response.status == 200
    assert [book["title"] for book in await response.json()] == [
        "Fluent Python",
        "Architecture Patterns with Python",
    ]


@serving(ws_echo)
async def test_realtime_echoes_messages(client):
    async with client.websocket_connect("/ws") as ws:
        for message in ("ping", "pong"):
            # TestWebSocket.send_text() wraps text in a "websocket.send" message, which the
            # app's receive_text() refuses (2.6.4), so send the ASGI "websocket.receive" event.
            await ws.send({"type": "websocket.receive", "text": message})
            assert await asyncio.wait_for(ws.receive_text(), timeout=5) == message

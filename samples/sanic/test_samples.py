import books
import greet
import hello
import json_api
import subscribe
import ws_echo

# app.test_client (sanic-testing) runs the app on a random free port per request.


def test_hello_returns_plain_text():
    _, response = hello.app.test_client.get("/")
    assert response.status == 200
    assert response.content_type.startswith("text/plain")
    assert response.text == "Hello, world!"


def test_json_api_returns_item():
    _, response = json_api.app.test_client.get("/items/1")
    assert response.status == 200
    assert response.json == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_id_is_json_404():
    _, response = json_api.app.test_client.get("/items/99")
    assert response.status == 404
    assert response.json == {"error": "not found"}


def test_json_api_non_integer_id_is_not_routed():
    _, response = json_api.app.test_client.get("/items/abc")
    assert response.status == 404


def test_template_greets_by_name():
    _, response = greet.app.test_client.get("/greet", params={"name": "Ada"})
    assert response.status == 200
    assert "Hello, Ada!" in response.text


def test_template_escapes_the_name():
    _, response = greet.app.test_client.get("/greet", params={"name": "<script>alert(1)</script>"})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>" not in response.text


def test_form_rejects_invalid_email():
    _, response = subscribe.app.test_client.post("/subscribe", data={"email": "nope"})
    assert response.status == 400
    assert "Please enter a valid email address." in response.text


def test_form_thanks_valid_email():
    _, response = subscribe.app.test_client.post("/subscribe", data={"email": "ada@example.com"})
    assert response.status == 200
    assert "Thanks for subscribing, ada@example.com!" in response.text


def test_database_lists_books():
    _, response = books.app.test_client.get("/books")
    assert response.status == 200
    assert [book["title"] for book in response.json] == [
        "Fluent Python",
        "Architecture Patterns with Python",
    ]


def test_realtime_echoes_messages():
    replies = []

    async def mimic(ws):
        for message in ("ping", "pong"):
            await ws.send(message)
            replies.append(await ws.recv())

    _, response = ws_echo.app.test_client.websocket("/ws", mimic=mimic)
    assert replies == ["ping", "pong"]
    assert response.server_sent[:2] == ["ping", "pong"]

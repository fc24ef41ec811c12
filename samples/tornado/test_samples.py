import json
from urllib.parse import urlencode

from tornado.testing import AsyncHTTPTestCase, gen_test
from tornado.websocket import websocket_connect

import books
import greet
import hello
import json_api
import subscribe
import ws_echo

# tornado.testing.AsyncHTTPTestCase serves get_app() on a free port for each test.


class HelloTest(AsyncHTTPTestCase):
    def get_app(self):
        return hello.make_app()

    def test_hello_returns_plain_text(self):
        response = self.fetch("/")
        assert response.code == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        assert response.body == b"Hello, world!"


class JsonApiTest(AsyncHTTPTestCase):
    def get_app(self):
        return json_api.make_app()

    def test_json_api_returns_item(self):
        response = self.fetch("/items/1")
        assert response.code == 200
        assert response.headers["Content-Type"].startswith("application/json")
        assert json.loads(response.body) == {"id": 1, "name": "Keyboard"}

    def test_json_api_unknown_id_is_json_404(self):
        response = self.fetch("/items/99")
        assert response.code == 404
        assert json.loads(response.body) == {"error": "not found"}

    def test_json_api_non_integer_id_is_not_routed(self):
        assert self.fetch("/items/abc").code == 404


class TemplateTest(AsyncHTTPTestCase):
    def get_app(self):
        return greet.make_app()

    def test_template_greets_by_name(self):
        response = self.fetch("/greet?name=Ada")
        assert response.code == 200
        assert "Hello, Ada!" in response.body.decode()

    def test_template_escapes_the_name(self):
        body = self.fetch("/greet?" + urlencode({"name": "<script>alert(1)</script>"})).body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body.decode()
        assert b"<script>" not in body


class FormTest(AsyncHTTPTestCase):
    def get_app(self):
        return subscribe.make_app()

    def test_form_rejects_invalid_email(self):
        response = self.fetch("/subscribe", method="POST", body=urlencode({"email": "nope"}))
        assert response.code == 400
        assert "Please enter a valid email address." in response.body.decode()

    def test_form_thanks_valid_email(self):
        body = urlencode({"email": "ada@example.com"})
        response = self.fetch("/subscribe", method="POST", body=body)
        assert response.code == 200
        assert "Thanks for subscribing, ada@example.com!" in response.body.decode()


class DatabaseTest(AsyncHTTPTestCase):
    def get_app(self):
        return books.make_app()

    def test_database_lists_books(self):
        response = self.fetch("/books")
        assert response.code == 200
        assert [book["title"] for book in json.loads(response.body)] == [
            "Fluent Python",
            "Architecture Patterns with Python",
        ]


class RealtimeTest(AsyncHTTPTestCase):
    def get_app(self):
        return ws_echo.make_app()

    @gen_test
    async def test_realtime_echoes_messages(self):
        ws = await websocket_connect(f"ws://127.0.0.1:{self.get_http_port()}/ws")
        for message in ("ping", "pong"):
            await ws.write_message(message)
            assert await ws.read_message() == message
        ws.close()

"""WebTest's TestApp drives the WSGI apps, as Bottle's docs suggest for functional tests."""

from webtest import TestApp

import books
import greet
import hello
import json_api
import stream
import subscribe


def test_hello_returns_text():
    response = TestApp(hello.app).get("/")
    assert response.content_type == "text/plain"
    assert response.text == "Hello, world!"


def test_json_api_known_item():
    response = TestApp(json_api.app).get("/items/1")
    assert response.json == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_item_is_json_404():
    response = TestApp(json_api.app).get("/items/99", status=404)
    assert response.json == {"error": "not found"}


def test_json_api_non_integer_not_routed():
    TestApp(json_api.app).get("/items/abc", status=404)


def test_template_escapes_name():
    response = TestApp(greet.app).get("/greet", {"name": "<script>alert(1)</script>"})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>" not in response.text


def test_form_rejects_invalid_email():
    response = TestApp(subscribe.app).post("/subscribe", {"email": "nope"}, status=400)
    assert "valid email" in response.text


def test_form_accepts_valid_email():
    response = TestApp(subscribe.app).post("/subscribe", {"email": "a@example.org"})
    assert "Thanks" in response.text


def test_database_lists_books():
    response = TestApp(books.app).get("/books")
    assert response.json == [{"id": 1, "title": "Dune"}, {"id": 2, "title": "Emma"}]


def test_realtime_streams_lines():
    response = TestApp(stream.app).get("/stream")
    assert response.text == "1\n2\n3\n"

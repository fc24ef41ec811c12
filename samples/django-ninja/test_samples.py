"""Django Ninja's TestClient, which calls a router's operations directly."""

import pytest
from ninja.testing import TestClient

# Importing the API attaches every router to it, as the TestClient needs.
import api  # noqa: F401
import books.api
import greet
import hello
import json_api
import stream
import subscribe


def test_hello_returns_text():
    response = TestClient(hello.router).get("/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"Hello, world!"


def test_json_api_known_item():
    response = TestClient(json_api.router).get("/items/1")
    assert response.status_code == 200
    assert response.json() == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_item_is_json_404():
    response = TestClient(json_api.router).get("/items/99")
    assert response.status_code == 404
    assert response.json() == {"error": "not found"}


def test_json_api_non_integer_not_routed():
    assert TestClient(json_api.router).get("/items/abc").status_code == 422


def test_template_escapes_name():
    response = TestClient(greet.router).get("/greet?name=%3Cscript%3Ealert(1)%3C/script%3E")
    assert response.status_code == 200
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content
    assert b"<script>" not in response.content


def test_form_rejects_invalid_email():
    response = TestClient(subscribe.router).post("/subscribe", data={"email": "nope"})
    assert response.status_code == 400
    assert response.json() == {"message": "Enter a valid email address."}


def test_form_accepts_valid_email():
    response = TestClient(subscribe.router).post("/subscribe", data={"email": "a@example.org"})
    assert response.status_code == 200
    assert response.json()["message"].startswith("Thanks")


@pytest.mark.django_db
def test_database_lists_books():
    response = TestClient(books.api.router).get("/books")
    assert response.json() == [{"id": 1, "title": "Dune"}, {"id": 2, "title": "Emma"}]


def test_realtime_streams_lines():
    response = TestClient(stream.router).get("/stream")
    # Ninja's TestClient collects a streamed body into .content.
    assert response.streaming
    assert response.content == b"1\n2\n3\n"

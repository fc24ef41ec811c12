"""Django's test client, through pytest-django's `client` fixture."""

import pytest


def test_hello_returns_text(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"Hello, world!"


def test_json_api_known_item(client):
    response = client.get("/items/1")
    assert response.status_code == 200
    assert response.json() == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_item_is_json_404(client):
    response = client.get("/items/99")
    assert response.status_code == 404
    assert response.json() == {"error": "not found"}


def test_json_api_non_integer_not_routed(client):
    assert client.get("/items/abc").status_code == 404


def test_template_escapes_name(client):
    response = client.get("/greet", {"name": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>" not in response.text


def test_form_rejects_invalid_email(client):
    response = client.post("/subscribe", {"email": "nope"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.text


def test_form_accepts_valid_email(client):
    response = client.post("/subscribe", {"email": "a@example.org"})
    assert response.status_code == 200
    assert "Thanks" in response.text


@pytest.mark.django_db
def test_database_lists_books(client):
    response = client.get("/books")
    assert response.json() == [{"id": 1, "title": "Dune"}, {"id": 2, "title": "Emma"}]


def test_realtime_streams_lines(client):
    response = client.get("/stream")
    assert response.streaming
    assert b"".join(response.streaming_content) == b"1\n2\n3\n"

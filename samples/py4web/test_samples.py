from pathlib import Path

import pytest
from py4web.core import wsgi
from webob import Request
from webtest import TestApp

# py4web has no test client of its own; WebTest drives the WSGI application
# that py4web.core.wsgi() builds from the apps folder (the one its docs hand
# to gunicorn).


@pytest.fixture(scope="module")
def app():
    return TestApp(wsgi(apps_folder=str(Path(__file__).parent / "apps")))


def test_hello_returns_plain_text(app):
    response = app.get("/")
    assert response.status_int == 200
    assert response.content_type == "text/plain"
    assert response.text == "Hello, world!"


def test_json_api_returns_item(app):
    response = app.get("/items/1")
    assert response.status_int == 200
    assert response.json == {"id": 1, "name": "Keyboard"}


def test_json_api_unknown_id_is_json_404(app):
    response = app.get("/items/99", status=404)
    assert response.json == {"error": "not found"}


def test_json_api_non_integer_id_is_not_routed(app):
    app.get("/items/abc", status=404)


def test_template_greets_by_name(app):
    response = app.get("/greet", {"name": "Ada"})
    assert response.status_int == 200
    assert "Hello, Ada!" in response.text


def test_template_escapes_the_name(app):
    response = app.get("/greet", {"name": "<script>alert(1)</script>"})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>" not in response.text


def submit(app, email):
    """Fill in the rendered form and submit it, hidden form key included."""
    form = app.get("/subscribe").forms[0]
    form["email"] = email
    return form.submit()


def test_form_rejects_invalid_email(app):
    response = submit(app, "nope")
    # py4web shows the form again, with the validator's message under the field.
    assert response.status_int == 200
    assert "Please enter a valid email address." in response.text
    assert "Thanks" not in response.text


def test_form_thanks_valid_email(app):
    response = submit(app, "ada@example.com")
    assert response.status_int == 200
    assert "Thanks for subscribing, ada@example.com!" in response.text


def test_database_lists_books(app):
    response = app.get("/books")
    assert response.status_int == 200
    assert [book["title"] for book in response.json] == [
        "Fluent Python",
        "Architecture Patterns with Python",
    ]


def test_realtime_streams_chunks(app):
    # Called as a WSGI server would: the body comes back as separate chunks
    # instead of one buffered string.
    status, headers, chunks = Request.blank("/stream").call_application(app.app)
    assert status == "200 OK"
    assert "Content-Length" not in dict(headers)
    assert list(chunks) == [b"tick 1\n", b"tick 2\n", b"tick 3\n"]

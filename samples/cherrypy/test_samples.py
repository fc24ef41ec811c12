"""CherryPy's own test helper, CPWebCase, which serves each app on a real socket."""

import json

import cherrypy
from cherrypy.test import helper

import books
import greet
import hello
import json_api
import stream
import subscribe


class HelloTest(helper.CPWebCase):
    @staticmethod
    def setup_server():
        cherrypy.tree.mount(hello.Root(), "/")

    def test_hello_returns_text(self):
        self.getPage("/")
        self.assertStatus(200)
        self.assertHeader("Content-Type", "text/plain;charset=utf-8")
        self.assertBody("Hello, world!")


class JsonApiTest(helper.CPWebCase):
    @staticmethod
    def setup_server():
        cherrypy.tree.mount(json_api.Root(), "/")

    def test_json_api_known_item(self):
        self.getPage("/items/1")
        self.assertStatus(200)
        assert json.loads(self.body) == {"id": 1, "name": "Keyboard"}

    def test_json_api_unknown_item_is_json_404(self):
        self.getPage("/items/99")
        self.assertStatus(404)
        assert json.loads(self.body) == {"error": "not found"}

    def test_json_api_non_integer_not_routed(self):
        self.getPage("/items/abc")
        self.assertStatus(404)


class TemplateTest(helper.CPWebCase):
    @staticmethod
    def setup_server():
        cherrypy.tree.mount(greet.Root(), "/")

    def test_template_escapes_name(self):
        self.getPage("/greet?name=%3Cscript%3Ealert(1)%3C/script%3E")
        self.assertStatus(200)
        self.assertInBody("&lt;script&gt;alert(1)&lt;/script&gt;")
        self.assertNotInBody("<script>")


class FormTest(helper.CPWebCase):
    @staticmethod
    def setup_server():
        cherrypy.tree.mount(subscribe.Root(), "/")

    def post(self, body):
        headers = [
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Content-Length", str(len(body))),
        ]
        self.getPage("/subscribe", method="POST", body=body, headers=headers)

    def test_form_rejects_invalid_email(self):
        self.post("email=nope")
        self.assertStatus(400)
        self.assertInBody("valid email")

    def test_form_accepts_valid_email(self):
        self.post("email=a%40example.org")
        self.assertStatus(200)
        self.assertInBody("Thanks")


class DatabaseTest(helper.CPWebCase):
    @staticmethod
    def setup_server():
        cherrypy.tree.mount(books.Root(), "/")

    def test_database_lists_books(self):
        self.getPage("/books")
        assert json.loads(self.body) == [{"id": 1, "title": "Dune"}, {"id": 2, "title": "Emma"}]


class StreamTest(helper.CPWebCase):
    @staticmethod
    def setup_server():
        cherrypy.tree.mount(stream.Root(), "/")

    def test_realtime_streams_lines(self):
        self.getPage("/stream")
        self.assertStatus(200)
        self.assertBody("1\n2\n3\n")

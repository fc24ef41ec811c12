import falcon


class HelloResource:
    def on_get(self, req, resp):
        resp.content_type = falcon.MEDIA_TEXT
        resp.text = "Hello, world!"


app = falcon.App()
app.add_route("/", HelloResource())

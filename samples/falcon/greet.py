from pathlib import Path

import falcon
from jinja2 import Environment, FileSystemLoader, select_autoescape

env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(),
)


class GreetResource:
    def on_get(self, req, resp):
        resp.content_type = falcon.MEDIA_HTML
        resp.text = env.get_template("greet.html").render(
            name=req.get_param("name", default="world")
        )


app = falcon.App()
app.add_route("/greet", GreetResource())

from pathlib import Path

import cherrypy
from jinja2 import Environment, FileSystemLoader, select_autoescape

env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(),
)


class Root:
    @cherrypy.expose
    def greet(self, name="world"):
        return env.get_template("greet.html").render(name=name)

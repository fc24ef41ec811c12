from pathlib import Path

import cherrypy
from jinja2 import Environment, FileSystemLoader, select_autoescape

env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(),
)


def is_email(value: str) -> bool:
    local, at, domain = value.partition("@")
    return bool(local and at and "." in domain)


class Root:
    @cherrypy.expose
    @cherrypy.tools.allow(methods=["POST"])
    def subscribe(self, email=""):
        email = email.strip()
        page = env.get_template("subscribe.html")
        if not is_email(email):
            cherrypy.response.status = 400
            return page.render(email=email, error="Please enter a valid email address.")
        return page.render(email=email, thanks=True)

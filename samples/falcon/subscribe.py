from pathlib import Path

import falcon
from jinja2 import Environment, FileSystemLoader, select_autoescape

env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(),
)


def is_email(value: str) -> bool:
    local, at, domain = value.partition("@")
    return bool(local and at and "." in domain)


class SubscribeResource:
    def on_post(self, req, resp):
        # Falcon parses URL-encoded forms as media.
        email = str(req.get_media().get("email", "")).strip()
        resp.content_type = falcon.MEDIA_HTML
        page = env.get_template("subscribe.html")
        if not is_email(email):
            resp.status = falcon.HTTP_400
            resp.text = page.render(email=email, error="Please enter a valid email address.")
            return
        resp.text = page.render(email=email, thanks=True)


app = falcon.App()
app.add_route("/subscribe", SubscribeResource())

import re
from pathlib import Path

import tornado

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class SubscribeHandler(tornado.web.RequestHandler):
    def post(self):
        email = self.get_body_argument("email", "").strip()
        if not EMAIL.fullmatch(email):
            self.set_status(400)
            error = "Please enter a valid email address."
            self.render("subscribe.html", error=error, email=email, thanks=None)
            return
        self.render("subscribe.html", error=None, email=email, thanks=email)


def make_app():
    return tornado.web.Application(
        [(r"/subscribe", SubscribeHandler)],
        template_path=Path(__file__).parent / "templates",
    )

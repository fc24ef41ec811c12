from pathlib import Path

import tornado


class GreetHandler(tornado.web.RequestHandler):
    def get(self):
        # Tornado templates escape {{ }} expressions by default.
        self.render("greet.html", name=self.get_query_argument("name", "world"))


def make_app():
    return tornado.web.Application(
        [(r"/greet", GreetHandler)],
        template_path=Path(__file__).parent / "templates",
    )

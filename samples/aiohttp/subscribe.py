import re
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

routes = web.RouteTableDef()


@routes.post("/subscribe")
async def subscribe(request):
    data = await request.post()
    email = data.get("email", "").strip()
    if not EMAIL.fullmatch(email):
        context = {"error": "Please enter a valid email address.", "email": email}
        return aiohttp_jinja2.render_template("subscribe.html", request, context, status=400)
    return aiohttp_jinja2.render_template("subscribe.html", request, {"thanks": email})


def create_app():
    app = web.Application()
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"))
    app.add_routes(routes)
    return app

from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/greet")
@aiohttp_jinja2.template("greet.html")
async def greet(request):
    return {"name": request.query.get("name", "world")}


def create_app():
    app = web.Application()
    # aiohttp_jinja2.setup turns autoescaping on by default.
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"))
    app.add_routes(routes)
    return app

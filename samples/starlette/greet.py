from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import Route
from starlette.templating import Jinja2Templates

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


async def greet(request):
    # Jinja2Templates autoescapes .html templates.
    name = request.query_params.get("name", "world")
    return templates.TemplateResponse(request, "greet.html", {"name": name})


app = Starlette(routes=[Route("/greet", greet)])

from pathlib import Path

from blacksheep import Application, Router
from blacksheep.server.rendering.jinja2 import JinjaRenderer
from blacksheep.server.responses import view
from blacksheep.settings.html import html_settings
from jinja2 import FileSystemLoader

# Its own Router, because the tests load several applications into one process.
router = Router()
app = Application(router=router)
# Views load from templates/ instead of the default app/views package;
# .jinja files are autoescaped.
html_settings.use(JinjaRenderer(loader=FileSystemLoader(Path(__file__).parent / "templates")))


@router.get("/greet")
async def greet(name: str = "world"):
    return view("greet", {"name": name})

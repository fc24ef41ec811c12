import re
from pathlib import Path

from blacksheep import Application, Request, Router
from blacksheep.server.rendering.jinja2 import JinjaRenderer
from blacksheep.server.responses import view
from blacksheep.settings.html import html_settings
from jinja2 import FileSystemLoader

# Its own Router, because the tests load several applications into one process.
router = Router()
app = Application(router=router)
html_settings.use(JinjaRenderer(loader=FileSystemLoader(Path(__file__).parent / "templates")))

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@router.post("/subscribe")
async def subscribe(request: Request):
    form = await request.form()
    email = str(form.get("email", "")).strip()
    if not EMAIL.fullmatch(email):
        model = {"error": "Please enter a valid email address.", "email": email}
        return view("subscribe", model, status=400)
    return view("subscribe", {"thanks": email})

from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import Route
from starlette.templating import Jinja2Templates

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def is_email(value: str) -> bool:
    local, at, domain = value.partition("@")
    return bool(local and at and "." in domain)


async def subscribe(request):
    async with request.form() as form:
        email = str(form.get("email", "")).strip()
    if not is_email(email):
        context = {"error": "Please enter a valid email address.", "email": email}
        return templates.TemplateResponse(request, "subscribe.html", context, status_code=400)
    return templates.TemplateResponse(request, "subscribe.html", {"thanks": email})


app = Starlette(routes=[Route("/subscribe", subscribe, methods=["POST"])])

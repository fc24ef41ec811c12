import re
from pathlib import Path

from sanic import Sanic
from sanic_ext import render

app = Sanic("Subscribe")
app.config.TEMPLATING_PATH_TO_TEMPLATES = Path(__file__).parent / "templates"

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


# render() is told the app because this process (the tests) holds several Sanic apps.
@app.post("/subscribe")
async def subscribe(request):
    email = (request.form.get("email") or "").strip()
    if not EMAIL.fullmatch(email):
        context = {"error": "Please enter a valid email address.", "email": email}
        return await render("subscribe.html", context=context, status=400, app=request.app)
    return await render("subscribe.html", context={"thanks": email}, app=request.app)

import re

from quart import Quart, render_template, request

app = Quart(__name__)

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@app.post("/subscribe")
async def subscribe():
    form = await request.form
    email = form.get("email", "").strip()
    if not EMAIL.fullmatch(email):
        error = "Please enter a valid email address."
        return await render_template("subscribe.html", error=error, email=email), 400
    return await render_template("subscribe.html", thanks=email)

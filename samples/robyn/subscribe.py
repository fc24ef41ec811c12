import re
from pathlib import Path

from robyn import Response, Robyn
from robyn.templating import JinjaTemplate

app = Robyn(__file__)
jinja_template = JinjaTemplate(Path(__file__).parent / "templates")

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@app.post("/subscribe")
def subscribe(request):
    email = request.form_data.get("email", "").strip()
    if not EMAIL.fullmatch(email):
        error = "Please enter a valid email address."
        page = jinja_template.render_template("subscribe.html", error=error, email=email)
        # A Response's status is read-only, and the (body, headers, status) tuple
        # fails in 0.88.0, so the page goes into a new Response with status 400.
        return Response(status_code=400, headers=page.headers, description=page.description)
    return jinja_template.render_template("subscribe.html", thanks=email)


if __name__ == "__main__":
    app.start()

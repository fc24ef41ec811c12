import os

from bottle import TEMPLATE_PATH, Bottle, request, response, template

TEMPLATE_PATH.insert(0, os.path.join(os.path.dirname(__file__), "views"))
app = Bottle()


def is_email(value: str) -> bool:
    local, at, domain = value.partition("@")
    return bool(local and at and "." in domain)


@app.post("/subscribe")
def subscribe():
    email = (request.forms.getunicode("email") or "").strip()
    if not is_email(email):
        response.status = 400
        return template("subscribe", email=email, error="Please enter a valid email address.")
    return template("subscribe", email=email, error=None, thanks=True)

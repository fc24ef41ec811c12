import os

from bottle import TEMPLATE_PATH, Bottle, request, template

TEMPLATE_PATH.insert(0, os.path.join(os.path.dirname(__file__), "views"))
app = Bottle()


@app.get("/greet")
def greet():
    # SimpleTemplate escapes {{...}} expressions.
    return template("greet", name=request.query.getunicode("name", "world"))

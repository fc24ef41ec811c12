from pathlib import Path

from robyn import Robyn
from robyn.templating import JinjaTemplate

app = Robyn(__file__)
# JinjaTemplate autoescapes .html templates.
jinja_template = JinjaTemplate(Path(__file__).parent / "templates")


@app.get("/greet")
def greet(request):
    name = request.query_params.get("name", "world")
    return jinja_template.render_template("greet.html", name=name)


if __name__ == "__main__":
    app.start()

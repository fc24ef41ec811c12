from quart import Quart, render_template, request

app = Quart(__name__)


@app.get("/greet")
async def greet():
    name = request.args.get("name", "world")
    # Jinja autoescapes templates ending in .html.
    return await render_template("greet.html", name=name)

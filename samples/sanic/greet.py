from pathlib import Path

from sanic import Sanic

app = Sanic("Greet")
app.config.TEMPLATING_PATH_TO_TEMPLATES = Path(__file__).parent / "templates"


# Sanic Extensions renders the returned context with Jinja, autoescaping .html files.
@app.get("/greet")
@app.ext.template("greet.html")
async def greet(request):
    return {"name": request.args.get("name", "world")}

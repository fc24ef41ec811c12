from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.templating import Jinja2Templates

app = FastAPI()
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


@app.get("/greet")
def greet(request: Request, name: str = "world"):
    # Jinja2Templates autoescapes .html templates.
    return templates.TemplateResponse(request, "greet.html", {"name": name})

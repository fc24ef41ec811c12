from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Form, Request
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, EmailStr, ValidationError

app = FastAPI()
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


class Subscription(BaseModel):
    email: EmailStr


@app.post("/subscribe")
def subscribe(request: Request, email: Annotated[str, Form()] = ""):
    # Validating here rather than in the signature lets us answer with the form
    # and a readable message instead of FastAPI's JSON 422.
    try:
        sub = Subscription(email=email)
    except ValidationError:
        context = {"error": "Please enter a valid email address.", "email": email}
        return templates.TemplateResponse(request, "subscribe.html", context, status_code=400)
    return templates.TemplateResponse(request, "subscribe.html", {"thanks": sub.email})

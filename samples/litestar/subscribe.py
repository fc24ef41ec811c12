import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from litestar import Litestar, post
from litestar.contrib.jinja import JinjaTemplateEngine
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Template
from litestar.template.config import TemplateConfig

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass
class Subscription:
    email: str = ""


@post("/subscribe", status_code=200)
async def subscribe(
    data: Annotated[Subscription, Body(media_type=RequestEncodingType.URL_ENCODED)],
) -> Template:
    email = data.email.strip()
    if not EMAIL.fullmatch(email):
        context = {"error": "Please enter a valid email address.", "email": email}
        return Template(template_name="subscribe.html", context=context, status_code=400)
    return Template(template_name="subscribe.html", context={"thanks": email})


app = Litestar(
    route_handlers=[subscribe],
    template_config=TemplateConfig(
        directory=Path(__file__).parent / "templates", engine=JinjaTemplateEngine
    ),
)

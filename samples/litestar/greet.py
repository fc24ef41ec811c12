from pathlib import Path

from litestar import Litestar, get
from litestar.contrib.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig


@get("/greet")
async def greet(name: str = "world") -> Template:
    # The Jinja engine autoescapes .html templates.
    return Template(template_name="greet.html", context={"name": name})


app = Litestar(
    route_handlers=[greet],
    template_config=TemplateConfig(
        directory=Path(__file__).parent / "templates", engine=JinjaTemplateEngine
    ),
)

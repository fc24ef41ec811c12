from pyramid.config import Configurator
from pyramid.view import view_config


@view_config(route_name="greet", renderer="templates/greet.jinja2")
def greet(request):
    # pyramid_jinja2 turns autoescaping on.
    return {"name": request.params.get("name", "world")}


with Configurator() as config:
    config.include("pyramid_jinja2")
    config.add_route("greet", "/greet")
    config.scan(__name__)
    app = config.make_wsgi_app()

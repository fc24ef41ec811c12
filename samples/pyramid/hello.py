from pyramid.config import Configurator
from pyramid.response import Response


def hello(request):
    return Response("Hello, world!", content_type="text/plain")


with Configurator() as config:
    config.add_route("hello", "/")
    config.add_view(hello, route_name="hello", request_method="GET")
    app = config.make_wsgi_app()

import time

from pyramid.config import Configurator
from pyramid.response import Response


def count(request):
    def lines():
        for n in range(1, 4):
            yield f"{n}\n".encode()
            time.sleep(0.1)

    return Response(app_iter=lines(), content_type="text/plain")


with Configurator() as config:
    config.add_route("stream", "/stream")
    config.add_view(count, route_name="stream")
    app = config.make_wsgi_app()

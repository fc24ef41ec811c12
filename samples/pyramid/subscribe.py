from pyramid.config import Configurator
from pyramid.view import view_config


def is_email(value: str) -> bool:
    local, at, domain = value.partition("@")
    return bool(local and at and "." in domain)


@view_config(route_name="subscribe", request_method="POST", renderer="templates/subscribe.jinja2")
def subscribe(request):
    email = request.POST.get("email", "").strip()
    if not is_email(email):
        request.response.status = 400
        return {"email": email, "error": "Please enter a valid email address."}
    return {"email": email, "thanks": True}


with Configurator() as config:
    config.include("pyramid_jinja2")
    config.add_route("subscribe", "/subscribe")
    config.scan(__name__)
    app = config.make_wsgi_app()

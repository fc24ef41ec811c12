from pyramid.config import Configurator

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


def get_item(request):
    item_id = int(request.matchdict["item_id"])
    if item_id not in ITEMS:
        request.response.status = 404
        return {"error": "not found"}
    return {"id": item_id, "name": ITEMS[item_id]}


with Configurator() as config:
    # The pattern only matches digits, so anything else never reaches the view.
    config.add_route("item", r"/items/{item_id:\d+}")
    config.add_view(get_item, route_name="item", renderer="json", request_method="GET")
    app = config.make_wsgi_app()

import argparse

from aiohttp import web

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}

routes = web.RouteTableDef()


# The regex in {item_id:\d+} keeps non-integers away from the handler.
@routes.get(r"/items/{item_id:\d+}")
async def get_item(request):
    item_id = int(request.match_info["item_id"])
    if item_id not in ITEMS:
        return web.json_response({"error": "not found"}, status=404)
    return web.json_response({"id": item_id, "name": ITEMS[item_id]})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8080)
    web.run_app(create_app(), host="127.0.0.1", port=parser.parse_args().port)

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


async def get_item(request):
    # The {item_id:int} convertor only matches digits and hands over an int.
    item_id = request.path_params["item_id"]
    if item_id not in ITEMS:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse({"id": item_id, "name": ITEMS[item_id]})


app = Starlette(routes=[Route("/items/{item_id:int}", get_item)])

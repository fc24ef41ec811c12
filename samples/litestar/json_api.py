from typing import Any

from litestar import Litestar, Response, get

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


# {item_id:int} only matches integers; the annotation is what the handler receives.
@get("/items/{item_id:int}")
async def get_item(item_id: int) -> Response[dict[str, Any]]:
    if item_id not in ITEMS:
        return Response({"error": "not found"}, status_code=404)
    return Response({"id": item_id, "name": ITEMS[item_id]})


app = Litestar(route_handlers=[get_item])

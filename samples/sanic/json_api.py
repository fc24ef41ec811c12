from sanic import Sanic
from sanic.response import json

app = Sanic("JsonApi")

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


# <item_id:int> only matches integers; /items/abc is a 404.
@app.get("/items/<item_id:int>")
async def get_item(request, item_id: int):
    if item_id not in ITEMS:
        return json({"error": "not found"}, status=404)
    return json({"id": item_id, "name": ITEMS[item_id]})

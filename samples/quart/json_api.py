from quart import Quart

app = Quart(__name__)

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


# The int converter only routes digits here; /items/abc is a 404.
@app.get("/items/<int:item_id>")
async def get_item(item_id: int):
    if item_id not in ITEMS:
        return {"error": "not found"}, 404
    return {"id": item_id, "name": ITEMS[item_id]}

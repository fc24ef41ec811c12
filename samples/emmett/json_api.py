from emmett import App, response
from emmett.tools import service

app = App(__name__)

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


# <int:item_id> only matches integers; /items/abc is a 404.
@app.route("/items/<int:item_id>")
@service.json
async def get_item(item_id):
    if item_id not in ITEMS:
        response.status = 404
        return {"error": "not found"}
    return {"id": item_id, "name": ITEMS[item_id]}

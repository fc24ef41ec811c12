from bottle import Bottle, response

app = Bottle()

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


@app.get("/items/<item_id:int>")
def get_item(item_id):
    if item_id not in ITEMS:
        response.status = 404
        return {"error": "not found"}
    # Bottle serialises a returned dict as JSON.
    return {"id": item_id, "name": ITEMS[item_id]}

from flask import Flask

app = Flask(__name__)

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


@app.get("/items/<int:item_id>")
def get_item(item_id: int):
    if item_id not in ITEMS:
        return {"error": "not found"}, 404
    # Flask turns a returned dict into a JSON response.
    return {"id": item_id, "name": ITEMS[item_id]}

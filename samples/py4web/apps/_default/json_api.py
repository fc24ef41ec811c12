from py4web import action, response

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


# <item_id:int> only matches integers; a returned dict is sent as JSON.
@action("items/<item_id:int>")
def get_item(item_id):
    if item_id not in ITEMS:
        response.status = 404
        return {"error": "not found"}
    return {"id": item_id, "name": ITEMS[item_id]}

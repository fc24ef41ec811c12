from ninja import Router, Schema, Status

router = Router()

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


class Item(Schema):
    id: int
    name: str


class Error(Schema):
    error: str


@router.get("/items/{item_id}", response={200: Item, 404: Error})
def get_item(request, item_id: int):
    # The int annotation validates the path: /items/abc gets a 422 before this runs.
    if item_id not in ITEMS:
        return Status(404, {"error": "not found"})
    return {"id": item_id, "name": ITEMS[item_id]}

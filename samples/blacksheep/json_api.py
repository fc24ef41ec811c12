from blacksheep import Application, Router, json

# Its own Router, because the tests load several applications into one process.
router = Router()
app = Application(router=router)

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


# {int:item_id} only matches digits and converts them for the handler.
@router.get("/items/{int:item_id}")
async def get_item(item_id: int):
    if item_id not in ITEMS:
        return json({"error": "not found"}, status=404)
    return json({"id": item_id, "name": ITEMS[item_id]})

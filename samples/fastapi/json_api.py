from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel

app = FastAPI()

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


class Item(BaseModel):
    id: int
    name: str


@app.get("/items/{item_id}", response_model=Item, responses={404: {"description": "No such item"}})
def get_item(item_id: int):
    # The int annotation validates the path: /items/abc gets a 422 before this runs.
    if item_id not in ITEMS:
        return JSONResponse({"error": "not found"}, status_code=404)
    return Item(id=item_id, name=ITEMS[item_id])

from robyn import Response, Robyn, jsonify

app = Robyn(__file__)

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


@app.get("/items/:item_id")
def get_item(request, item_id: int):
    if item_id not in ITEMS:
        # The documented (body, headers, status) tuple fails for a dict body in 0.88.0.
        return Response(
            status_code=404,
            headers={"Content-Type": "application/json"},
            description=jsonify({"error": "not found"}),
        )
    return {"id": item_id, "name": ITEMS[item_id]}


if __name__ == "__main__":
    app.start()

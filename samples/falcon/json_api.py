import falcon

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


class ItemResource:
    def on_get(self, req, resp, item_id):
        if item_id not in ITEMS:
            resp.status = falcon.HTTP_404
            resp.media = {"error": "not found"}
            return
        resp.media = {"id": item_id, "name": ITEMS[item_id]}


app = falcon.App()
# The int converter only matches digits; anything else gets Falcon's 404.
app.add_route("/items/{item_id:int}", ItemResource())

import cherrypy

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


class Root:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def items(self, item_id):
        # /items/1 calls items("1"): path segments arrive as strings.
        if not item_id.isdigit():
            raise cherrypy.NotFound()
        item_id = int(item_id)
        if item_id not in ITEMS:
            cherrypy.response.status = 404
            return {"error": "not found"}
        return {"id": item_id, "name": ITEMS[item_id]}

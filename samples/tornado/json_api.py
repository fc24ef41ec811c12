import asyncio

import tornado
from tornado.options import define, options

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


class ItemHandler(tornado.web.RequestHandler):
    # The route's regex captures digits only, so /items/abc never gets here.
    def get(self, item_id):
        item_id = int(item_id)
        if item_id not in ITEMS:
            self.set_status(404)
            self.write({"error": "not found"})
            return
        # Writing a dict sends it as JSON.
        self.write({"id": item_id, "name": ITEMS[item_id]})


def make_app():
    return tornado.web.Application([(r"/items/([0-9]+)", ItemHandler)])


async def main(port):
    app = make_app()
    app.listen(port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    define("port", default=8888, help="run on the given port", type=int)
    tornado.options.parse_command_line()
    asyncio.run(main(options.port))

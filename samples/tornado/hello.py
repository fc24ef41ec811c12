import asyncio

import tornado
from tornado.options import define, options


class MainHandler(tornado.web.RequestHandler):
    def get(self):
        self.set_header("Content-Type", "text/plain; charset=UTF-8")
        self.write("Hello, world!")


def make_app():
    return tornado.web.Application([(r"/", MainHandler)])


async def main(port):
    app = make_app()
    app.listen(port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    define("port", default=8888, help="run on the given port", type=int)
    tornado.options.parse_command_line()
    asyncio.run(main(options.port))

import tornado
import tornado.websocket


class EchoWebSocket(tornado.websocket.WebSocketHandler):
    def on_message(self, message):
        self.write_message(message)


def make_app():
    return tornado.web.Application([(r"/ws", EchoWebSocket)])

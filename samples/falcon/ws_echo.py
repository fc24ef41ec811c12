import falcon.asgi
from falcon import WebSocketDisconnected


class EchoResource:
    async def on_websocket(self, req, ws):
        await ws.accept()
        try:
            while True:
                await ws.send_text(await ws.receive_text())
        except WebSocketDisconnected:
            pass


app = falcon.asgi.App()
app.add_route("/ws", EchoResource())

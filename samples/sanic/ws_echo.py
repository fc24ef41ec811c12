from sanic import Sanic

app = Sanic("WsEcho")


@app.websocket("/ws")
async def ws(request, ws):
    async for message in ws:
        await ws.send(message)

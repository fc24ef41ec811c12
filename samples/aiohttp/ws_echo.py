from aiohttp import WSMsgType, web

routes = web.RouteTableDef()


@routes.get("/ws")
async def websocket_handler(request):
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    async for msg in ws:
        if msg.type == WSMsgType.TEXT:
            await ws.send_str(msg.data)
    return ws


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app

from litestar import Litestar, websocket_listener


# A listener receives each message and sends back what it returns.
@websocket_listener("/ws")
async def echo(data: str) -> str:
    return data


app = Litestar(route_handlers=[echo])

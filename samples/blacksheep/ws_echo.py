from blacksheep import Application, Router, WebSocket, WebSocketDisconnectError

# Its own Router, because the tests load several applications into one process.
router = Router()
app = Application(router=router)


@router.ws("/ws")
async def echo(websocket: WebSocket):
    await websocket.accept()
    try:
        while True:
            msg = await websocket.receive_text()
            await websocket.send_text(msg)
    except WebSocketDisconnectError:
        pass

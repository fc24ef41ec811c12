from robyn import Robyn, WebSocketDisconnect

app = Robyn(__file__)


@app.websocket("/ws")
async def echo(websocket):
    try:
        while True:
            message = await websocket.receive_text()
            await websocket.send_text(message)
    except WebSocketDisconnect:
        pass


if __name__ == "__main__":
    app.start()

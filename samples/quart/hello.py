from quart import Quart

app = Quart(__name__)


@app.get("/")
async def hello():
    # A plain str would be sent as text/html; say what it is.
    return "Hello, world!", {"Content-Type": "text/plain; charset=utf-8"}

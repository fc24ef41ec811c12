import time

from bottle import Bottle, response

app = Bottle()


@app.get("/stream")
def count():
    response.content_type = "text/plain"
    # Returning a generator makes Bottle send each piece as it is produced.
    for n in range(1, 4):
        yield f"{n}\n"
        time.sleep(0.1)

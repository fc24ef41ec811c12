import time

from py4web import action, response


# py4web sends a generator's chunks as they are produced (chunked transfer).
@action("stream")
def stream():
    response.headers["Content-Type"] = "text/plain; charset=utf-8"

    def ticks():
        for n in range(1, 4):
            yield f"tick {n}\n"
            time.sleep(0.1)

    return ticks()

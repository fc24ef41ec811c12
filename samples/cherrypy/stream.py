import time

import cherrypy


class Root:
    @cherrypy.expose
    def stream(self):
        cherrypy.response.headers["Content-Type"] = "text/plain"

        def lines():
            for n in range(1, 4):
                yield f"{n}\n".encode()
                time.sleep(0.1)

        return lines()

    # Without this, CherryPy would collect the whole body before sending it.
    stream._cp_config = {"response.stream": True}

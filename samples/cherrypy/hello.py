import cherrypy


class Root:
    @cherrypy.expose
    def index(self):
        cherrypy.response.headers["Content-Type"] = "text/plain;charset=utf-8"
        return "Hello, world!"

from bottle import Bottle, response

app = Bottle()


@app.get("/")
def hello():
    response.content_type = "text/plain; charset=utf-8"
    return "Hello, world!"

from py4web import action, response


@action("index")
def hello():
    response.headers["Content-Type"] = "text/plain; charset=utf-8"
    return "Hello, world!"

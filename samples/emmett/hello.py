from emmett import App, response

app = App(__name__)


@app.route("/", output="str")
async def hello():
    response.content_type = "text/plain; charset=utf-8"
    return "Hello, world!"

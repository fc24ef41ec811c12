from emmett import App, request

app = App(__name__)


# A returned dict renders templates/greet.html; {{=name}} is escaped.
@app.route("/greet", template="greet.html")
async def greet():
    return {"name": request.query_params.name or "world"}

from flask import Flask, render_template, request

app = Flask(__name__)


@app.get("/greet")
def greet():
    # Jinja autoescapes .html templates, so the name is safe to show.
    return render_template("greet.html", name=request.args.get("name", "world"))

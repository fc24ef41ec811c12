from flask import Flask, render_template, request

app = Flask(__name__)


@app.post("/subscribe")
def subscribe():
    email = request.form.get("email", "").strip()
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        error = "Please enter a valid email address."
        return render_template("subscribe.html", error=error, email=email), 400
    return render_template("subscribe.html", thanks=True, email=email)

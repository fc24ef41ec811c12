import secrets

from emmett import App, Field, Form
from emmett.sessions import SessionManager

app = App(__name__)
# Forms keep their CSRF tokens in the session. A random key per process is
# enough for a sample; a real app reads a fixed one from its configuration.
app.pipeline = [SessionManager.cookies(secrets.token_urlsafe())]


@app.route("/subscribe", methods=["get", "post"], template="subscribe.html")
async def subscribe():
    # The field's validation checks the address; a rejected form renders
    # again with the error next to the field.
    form = await Form(
        {
            "email": Field(
                validation={"is": "email", "message": "Please enter a valid email address."}
            )
        },
        keepvalues=True,
    )
    if form.accepted:
        return {"form": None, "thanks": form.params.email}
    return {"form": form, "thanks": None}

from py4web import Field, action
from py4web.utils.form import Form
from pydal.validators import IS_EMAIL


@action("subscribe", method=["GET", "POST"])
@action.uses("subscribe.html")
def subscribe():
    # The validator checks the address; a rejected form renders again with the
    # error under the field. The form carries a signed key against CSRF.
    form = Form(
        [Field("email", requires=IS_EMAIL(error_message="Please enter a valid email address."))],
        keep_values=True,
    )
    return {"form": form, "thanks": form.vars.get("email") if form.accepted else None}

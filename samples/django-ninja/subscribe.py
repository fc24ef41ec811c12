from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from ninja import Form, Router, Schema, Status

router = Router()


class Message(Schema):
    message: str


@router.post("/subscribe", response={200: Message, 400: Message})
def subscribe(request, email: Form[str] = ""):
    try:
        validate_email(email.strip())
    except ValidationError:
        return Status(400, {"message": "Enter a valid email address."})
    return {"message": f"Thanks, {email.strip()} is subscribed."}

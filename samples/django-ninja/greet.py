from django.shortcuts import render
from ninja import Router

router = Router()


@router.get("/greet")
def greet(request, name: str = "world"):
    # Django's template engine escapes variables.
    return render(request, "greet.html", {"name": name})

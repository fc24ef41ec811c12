from django.http import HttpResponse
from ninja import Router

router = Router()


@router.get("/")
def hello(request):
    # Ninja answers in JSON unless a view returns a response of its own.
    return HttpResponse("Hello, world!", content_type="text/plain")

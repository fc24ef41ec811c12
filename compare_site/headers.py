"""Security headers Django does not set itself."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

HEADERS = {
    # Other sites may not embed our pages' resources.
    "Cross-Origin-Resource-Policy": "same-origin",
    # The site uses none of these browser features; say so.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

"""HEAD requests get the headers a GET would, and no body."""

from collections.abc import Callable, Iterable


class WithoutBodyForHead:
    """WSGI wrapper: Django renders a page for HEAD as for GET, body and all.

    Servers must drop that body (gunicorn does, with a warning per response);
    dropping it here keeps it off the wire whatever the server.
    """

    def __init__(self, app: Callable) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        body = self.app(environ, start_response)
        if environ.get("REQUEST_METHOD") != "HEAD":
            return body
        close = getattr(body, "close", None)
        if close is not None:
            close()  # request_finished and friends still run
        return []

from django.conf import settings
from django.core.exceptions import DisallowedHost


def site_origin(request) -> str:
    """The origin for links that leave the page: canonical, Open Graph, permalinks.

    SITE_URL when set; otherwise the request's, and empty for a Host header the
    site does not serve, so that the 400 page for such a request renders
    instead of failing in turn.
    """
    if settings.SITE_URL:
        return settings.SITE_URL
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""

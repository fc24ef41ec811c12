from django.conf import settings
from django.core.exceptions import DisallowedHost


def site(request):
    """The site's name and origin for canonical and Open Graph links.

    The origin comes from SITE_URL when set; otherwise from the request, and is
    empty for a Host header the site does not serve, so that the 400 page for
    such a request renders instead of failing in turn.
    """
    origin = settings.SITE_URL
    if not origin:
        try:
            origin = f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:
            origin = ""
    return {"SITE_NAME": settings.SITE_NAME, "origin": origin}

from django.conf import settings

from compare_site.origin import site_origin


def site(request):
    return {"SITE_NAME": settings.SITE_NAME, "origin": site_origin(request)}

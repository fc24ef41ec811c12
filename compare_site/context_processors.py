from django.conf import settings

from compare_site.origin import site_origin

# The main menu's sections, by the path prefix that marks a page as inside one.
NAV_SECTIONS = ("/frameworks/", "/compare/", "/criteria/", "/use-cases/", "/recommend/")


def site(request):
    path = request.path
    return {
        "SITE_NAME": settings.SITE_NAME,
        "origin": site_origin(request),
        # What the header shows differently from page to page, so that the rest of
        # it is kept once per content version (see templates/includes/_header.html).
        "nav_section": next((s for s in NAV_SECTIONS if path.startswith(s)), ""),
        "search_query": request.GET.get("q", "") if path == "/search/" else "",
    }

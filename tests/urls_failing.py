"""A URLconf with a view that fails, to see what a visitor gets from a server error."""

from django.urls import include, path


def fail(request):
    raise RuntimeError("something broke deep inside")


urlpatterns = [path("boom/", fail), path("", include("compare_site.urls"))]

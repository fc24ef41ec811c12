"""Views whose answers say how they may be cached, to see what the page cache stores."""

import itertools

from django.http import HttpResponse
from django.urls import path

from pagecache.keys import reads_query

_counts: dict[str, itertools.count] = {}


def counting(name: str, **headers: str):
    """A view answering 1, 2, 3… on each rendering, so a test sees when it is re-rendered."""

    @reads_query()
    def view(request):
        counter = _counts.setdefault(name, itertools.count(1))
        response = HttpResponse(str(next(counter)))
        for header, value in headers.items():
            response[header] = value
        return response

    return view


urlpatterns = [
    path("varies-on-cookie/", counting("cookie", Vary="Cookie")),
    path("no-cache/", counting("no-cache", **{"Cache-Control": "no-cache"})),
    path("vary-star/", counting("star", Vary="*")),
]


@reads_query()
def reads_undeclared(request):
    # Declares nothing, yet reads a parameter: the cache must not key it without.
    counter = _counts.setdefault("undeclared", itertools.count(1))
    return HttpResponse(f"{request.GET.get('extra', '-')} {next(counter)}")


urlpatterns.append(path("reads-undeclared/", reads_undeclared))

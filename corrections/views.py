"""Suggest a correction: the form, the thank-you page and the private status page.

None of these pages is ever cached: the form carries the reader's CSRF token,
and the status pages belong to whoever holds the link.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from corrections import throttle
from corrections.forms import SuggestionForm
from corrections.models import NOTE_MAX, Suggestion
from editorial.signin import client_ip
from frameworks.models import Score
from frameworks.views import SLUG


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def suggest(request: HttpRequest, slug: str, criterion: str) -> HttpResponse:
    score = get_object_or_404(
        Score.objects.published().select_related("framework", "criterion"),
        framework__slug=slug,
        criterion__slug=criterion,
    )
    status = 200
    limited_minutes = 0
    if request.method == "POST":
        form = SuggestionForm(request.POST, score=score)
        address = client_ip(request) or "unknown"
        if throttle.over_limit(address):
            limited_minutes = throttle.minutes_until_free(address) or 60
            status = 429
        elif form.is_robot:
            throttle.record(address)
            return _private(render(request, "corrections/thanks.html", {"score": score}))
        elif form.is_valid():
            suggestion = form.save()
            throttle.record(address)
            return redirect("corrections:thanks", token=suggestion.token)
        else:
            status = 400
    else:
        form = SuggestionForm(score=score)
    context = {
        "score": score,
        "form": form,
        "limited_minutes": limited_minutes,
        "limit": throttle.LIMIT,
        "note_max": NOTE_MAX,
    }
    return _private(render(request, "corrections/suggest.html", context, status=status))


def _by_token(token: str) -> Suggestion:
    if not SLUG.fullmatch(token):
        raise Http404("No such suggestion.")
    return get_object_or_404(
        Suggestion.objects.select_related("score__framework", "score__criterion"), token=token
    )


@never_cache
@require_safe
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    suggestion = _by_token(token)
    return _private(
        render(
            request,
            "corrections/thanks.html",
            {"suggestion": suggestion, "score": suggestion.score},
        )
    )


@never_cache
@require_safe
def status(request: HttpRequest, token: str) -> HttpResponse:
    suggestion = _by_token(token)
    return _private(render(request, "corrections/status.html", {"suggestion": suggestion}))

"""Public history: a score's versions, a framework's changes, and the whole catalogue's."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from changelog import entries
from changelog.chart import value_chart
from frameworks.models import Framework, Score
from pagecache.fragments import remember
from pagecache.keys import reads_query

# The query parameter these pages read (besides the path): the page number.
PAGE = "page"


@reads_query()
@require_safe
def score_history(request: HttpRequest, slug: str, criterion: str) -> HttpResponse:
    score = get_object_or_404(
        Score.objects.published().select_related("framework", "criterion"),
        framework__slug=slug,
        criterion__slug=criterion,
    )
    records = entries.public_score_records().filter(id=score.pk)
    versions = entries.score_entries(records, limit=entries.MAX_VERSIONS)
    shown = [v for v in versions if v.phrases]
    chart = value_chart([(v.when, v.value) for v in reversed(versions)], timezone.now())
    return render(
        request,
        "changelog/score_history.html",
        {"score": score, "versions": shown, "chart": chart, "edits": len(shown) - 1},
    )


def _kept_change_page(key: tuple, scores, frameworks, number: str | None) -> tuple:
    """``entries.change_page``, kept for the content version (``pagecache.fragments``)
    with its entries and page count read, so that no later reader queries.

    Only a page number a reader can follow is kept; any other value of ``page``
    (for which the paginator shows the first or the last page) is computed each
    time, so that junk query strings cannot fill the store.
    """

    def compute() -> tuple:
        found = entries.change_page(scores, frameworks, number)
        found[0].paginator.count  # noqa: B018  (a cached property: read now, once)
        return found

    if number is not None and not (number.isascii() and number.isdigit() and len(number) <= 4):
        return compute()
    return remember((*key, number), compute)


@reads_query(PAGE)
@require_safe
def framework_history(request: HttpRequest, slug: str) -> HttpResponse:
    framework = get_object_or_404(Framework.objects.published(), slug=slug)
    page, changes = _kept_change_page(
        ("framework-changes", framework.pk),
        entries.public_score_records().filter(framework_id=framework.pk),
        entries.public_framework_records().filter(id=framework.pk),
        request.GET.get(PAGE),
    )
    return render(
        request,
        "changelog/framework_history.html",
        {"framework": framework, "page": page, "changes": changes},
    )


@reads_query(PAGE)
@require_safe
def changes(request: HttpRequest) -> HttpResponse:
    page, changes = _kept_change_page(
        ("catalogue-changes",),
        entries.public_score_records(),
        entries.public_framework_records(),
        request.GET.get(PAGE),
    )
    return render(request, "changelog/changes.html", {"page": page, "changes": changes})

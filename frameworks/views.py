"""Reader-facing catalogue pages. Each loads its data in a fixed number of queries."""

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from codesamples import presentation as code_presentation
from codesamples.models import BenchmarkResult
from frameworks import comparison, search, snapshot
from frameworks.compare_urls import comparison_url
from frameworks.forms import SLUG, CompareForm
from frameworks.models import Criterion, Framework, Score, UseCase, UseCaseFit
from frameworks.page_urls import page_url
from frameworks.scale import SCORE_MAX, SCORE_MIN
from pagecache.fragments import remember
from pagecache.keys import reads_query
from recommender import use_case_fits
from recommender.answers import answers_query
from recommender.loading import load_catalogue
from recommender.summary import question_count
from releases.serialize import release_facts_json

FEATURED_PAIRS = [("django", "flask"), ("django", "fastapi"), ("fastapi", "flask")]


def _not_found(request: HttpRequest, message: str) -> HttpResponse:
    frameworks = Framework.objects.published().only("name", "slug", "tagline")
    return render(
        request,
        "frameworks/not_found.html",
        {"message": message, "frameworks": frameworks},
        status=404,
    )


def _criterion_averages() -> dict[str, float]:
    """Each criterion's average score over the published frameworks (from the snapshot),
    once per content version: 850 scores to add up with 50 frameworks."""
    return remember(("criterion-averages",), _compute_criterion_averages)


def _compute_criterion_averages() -> dict[str, float]:
    values: dict[str, list[int]] = {}
    for fw in snapshot.published().values():
        for score in fw.scores.all():
            values.setdefault(score.criterion.slug, []).append(score.value)
    return {slug: sum(v) / len(v) for slug, v in values.items()}


@reads_query()
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    frameworks = list(Framework.objects.published().only("name", "slug", "kind", "tagline"))
    by_slug = {fw.slug: fw for fw in frameworks}
    featured = [
        (by_slug[a], by_slug[b], comparison_url(a, b))
        for a, b in FEATURED_PAIRS
        if a in by_slug and b in by_slug
    ]
    use_cases = UseCase.objects.only("title", "slug", "order")
    return render(
        request,
        "frameworks/home.html",
        {
            "frameworks": frameworks,
            "featured": featured,
            "use_cases": use_cases,
            "criteria_count": Criterion.objects.count(),
            "question_count": question_count(),
        },
    )


@reads_query("kind")
@require_safe
def framework_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    kinds = dict(Framework.Kind.choices)
    frameworks = list(snapshot.published().values())
    notice = ""
    if kind in kinds:
        frameworks = [fw for fw in frameworks if fw.kind == kind]
    elif kind:
        notice = "There is no such kind of framework; showing them all."
        kind = ""
    criteria = snapshot.criteria()
    table = comparison.compare(frameworks, criteria)
    return render(
        request,
        "frameworks/framework_list.html",
        {
            "frameworks": frameworks,
            "criteria": criteria,
            "table": table,
            "kinds": Framework.Kind.choices,
            "kind": kind,
            "kind_label": kinds.get(kind, ""),
            "notice": notice,
        },
    )


@reads_query()
@require_safe
def framework_detail(request: HttpRequest, slug: str) -> HttpResponse:
    framework = snapshot.published().get(slug)
    if framework is None:  # a draft, which only an editor may preview, or no such framework
        framework = (
            Framework.objects.visible_to(request.user)
            .with_scores()
            .with_latest_release()
            .filter(slug=slug)
            .first()
        )
    if framework is None:
        return _not_found(request, f"There is no published framework called “{slug}”.")
    strengths, weaknesses = comparison.strengths_and_weaknesses(framework, _criterion_averages())
    # The evidence list needs each score's change statistics: read lazily, so that
    # when the page's kept copy of the list is used they are never queried.
    scores = SimpleLazyObject(
        lambda: sorted(
            Score.objects.filter(framework=framework)
            .select_related("criterion")
            .with_change_stats(),
            key=lambda s: (s.criterion.order, s.criterion.name),
        )
    )
    fits = UseCaseFit.objects.filter(framework=framework).select_related("use_case")
    others = [fw for fw in snapshot.published().values() if fw.pk != framework.pk]
    compare_links = [(other, comparison_url(framework.slug, other.slug)) for other in others]
    response = render(
        request,
        "frameworks/framework_detail.html",
        {
            "framework": framework,
            "scores": scores,
            "strengths": strengths[:5],
            "weaknesses": weaknesses[:5],
            "fits": fits,
            "compare_links": compare_links,
            "oldest_review": min((s.last_reviewed for s in framework.scores.all()), default=None),
            "code_samples": snapshot.code_samples([framework]),
        },
    )
    return _private_if_draft(response, [framework])


def _private_if_draft(response: HttpResponse, frameworks: list[Framework]) -> HttpResponse:
    """A draft preview is for the editor who asked: never stored, never indexed."""
    if not all(fw.is_published for fw in frameworks):
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex"
    return response


def _render_comparison(request: HttpRequest, frameworks: list, *, canonical: str) -> HttpResponse:
    table = comparison.compare(frameworks, snapshot.criteria())
    only_differences = request.GET.get("diff") == "1"
    show_notes = request.GET.get("notes") == "1"
    samples = snapshot.code_samples(frameworks)
    return render(
        request,
        "frameworks/compare.html",
        {
            "frameworks": frameworks,
            "table": table,
            "rows": table.visible_rows(only_differences),
            "groups": table.groups(only_differences),
            "only_differences": only_differences,
            "show_notes": show_notes,
            "diff_url": _comparison_view_url(canonical, not only_differences, show_notes),
            "notes_url": _comparison_view_url(canonical, only_differences, not show_notes),
            "chart": comparison.chart(table),
            "stacked_chart": comparison.stacked_chart(table),
            "canonical": canonical,
            "all_frameworks": snapshot.published().values(),
            "selected": {fw.slug for fw in frameworks},
            "code_rows": code_presentation.code_grid(samples, frameworks),
            "code_columns": code_presentation.code_columns(samples, frameworks),
            "questionnaire_url": page_url("recommender:questionnaire"),
        },
    )


def _keeping_switches(request: HttpRequest, url: str) -> str:
    """A redirect carries only what the comparison reads: anything else (however long) stops."""
    switches = (request.GET.get("diff") == "1", request.GET.get("notes") == "1")
    return _comparison_view_url(url, *switches)


def _comparison_view_url(canonical: str, only_differences: bool, show_notes: bool) -> str:
    """The same comparison with the differences-only and all-notes switches set."""
    switches = [("diff", "1")] if only_differences else []
    switches += [("notes", "1")] if show_notes else []
    if not switches:
        return canonical
    return canonical + ("&" if "?" in canonical else "?") + urlencode(switches)


@reads_query("diff", "notes", "f")
@require_safe
def compare_pair(request: HttpRequest, pair: tuple[str, str]) -> HttpResponse:
    a, b = pair
    if not SLUG.fullmatch(a) or not SLUG.fullmatch(b):
        return _not_found(request, "A comparison address looks like /compare/django-vs-flask/.")
    if a == b:
        return redirect("frameworks:detail", slug=a)
    target = comparison_url(a, b)
    if target != request.path:
        return HttpResponsePermanentRedirect(_keeping_switches(request, target))
    published = snapshot.published()
    if a in published and b in published:
        found = published
    else:  # a draft, which only an editor may preview, or no such framework
        found = {
            fw.slug: fw
            for fw in Framework.objects.visible_to(request.user)
            .with_scores()
            .with_latest_release()
            .filter(slug__in=[a, b])
        }
    missing = [s for s in (a, b) if s not in found]
    if missing:
        return _not_found(
            request,
            "No published framework is called " + " or ".join(f"“{m}”" for m in missing) + ".",
        )
    frameworks = [found[a], found[b]]
    canonical = target
    response = _render_comparison(request, frameworks, canonical=canonical)
    return _private_if_draft(response, frameworks)


@reads_query("f", "diff", "notes")
@require_safe
def compare_many(request: HttpRequest) -> HttpResponse:
    candidates = snapshot.published()
    all_frameworks = candidates.values()
    form = CompareForm(request.GET, candidates)
    if not form.is_valid():
        return render(
            request,
            "frameworks/compare_picker.html",
            {
                "all_frameworks": all_frameworks,
                "error": form.errors["f"][0],
                "selected": set(form.picked),
            },
            status=400,
        )
    frameworks = form.cleaned_data["f"]
    if not frameworks:
        return render(request, "frameworks/compare_picker.html", {"all_frameworks": all_frameworks})
    if len(frameworks) == 2:
        return redirect(_keeping_switches(request, comparison_url(*(fw.slug for fw in frameworks))))
    canonical = (
        reverse("frameworks:compare") + "?" + urlencode([("f", fw.slug) for fw in frameworks])
    )
    return _render_comparison(request, frameworks, canonical=canonical)


@reads_query()
@require_safe
def criterion_list(request: HttpRequest) -> HttpResponse:
    return render(request, "frameworks/criterion_list.html", {"criteria": Criterion.objects.all()})


@reads_query()
@require_safe
def criterion_detail(request: HttpRequest, slug: str) -> HttpResponse:
    criterion = get_object_or_404(Criterion, slug=slug)
    scores = (
        Score.objects.published()
        .filter(criterion=criterion)
        .select_related("framework", "criterion")
        .with_change_stats()
        .order_by("-value", "framework__name")
    )
    benchmarks = list(BenchmarkResult.objects.for_criterion(criterion))
    return render(
        request,
        "frameworks/criterion_detail.html",
        {
            "criterion": criterion,
            "scores": scores,
            "bench_chart": code_presentation.bench_chart(benchmarks),
        },
    )


@reads_query()
@require_safe
def use_case_list(request: HttpRequest) -> HttpResponse:
    catalogue = load_catalogue()
    # One verdict per use case: computed once for the content version (its
    # example answers are content too), not on every render.
    use_cases = [
        (
            uc,
            remember(
                ("use-case-best", uc.pk),
                lambda uc=uc: use_case_fits.best_names(catalogue, uc.example_answers),
            ),
        )
        for uc in UseCase.objects.with_fits()
    ]
    return render(request, "frameworks/use_case_list.html", {"use_cases": use_cases})


@reads_query()
@require_safe
def use_case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    use_case = get_object_or_404(UseCase.objects.with_fits(), slug=slug)
    catalogue = load_catalogue()
    parsed = use_case_fits.parse_example(catalogue, use_case.example_answers)
    verdict = remember(
        ("use-case-verdict", use_case.pk),
        lambda: use_case_fits.example_verdict(catalogue, parsed),
    )
    query = "?" + answers_query(parsed.answers) if parsed.answers else ""
    notes = {fit.framework.slug: fit.note for fit in use_case.fits.all()}
    return render(
        request,
        "frameworks/use_case_detail.html",
        {
            "use_case": use_case,
            "verdict": verdict,
            "ranked_fits": use_case_fits.ranked_fits(verdict, notes) if verdict else None,
            "excluded_fits": use_case_fits.excluded_fits(verdict, notes) if verdict else (),
            "recommend_url": reverse("recommender:questionnaire") + query,
            "verdict_url": reverse("recommender:verdict") + query if verdict else None,
        },
    )


@reads_query("q")
@require_safe
def site_search(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    if "q" not in request.GET:
        return render(request, "frameworks/search.html", {"query": ""})
    try:
        results = search.search(raw)
    except search.QueryError as error:
        status = 200 if not raw.strip() else 400
        context = {"error": str(error), "query": raw[: search.MAX_QUERY_LENGTH]}
        return render(request, "frameworks/search.html", context, status=status)
    return render(request, "frameworks/search.html", {"results": results, "query": results.query})


@reads_query()
@require_safe
def catalogue_json(request: HttpRequest) -> JsonResponse:
    frameworks = snapshot.published().values()
    criteria = snapshot.criteria()
    data = {
        "frameworks": [
            {
                "slug": fw.slug,
                "name": fw.name,
                "kind": fw.kind,
                "tagline": fw.tagline,
                "url": request.build_absolute_uri(fw.get_absolute_url()),
                "first_release_year": fw.first_release_year,
                "first_release_source": fw.first_release_source,
                "license": fw.license,
                "license_source": fw.license_source,
                "latest_version": fw.latest_version,
                "latest_version_source": fw.latest_version_source,
                "project_url": fw.project_url,
                "docs_url": fw.docs_url,
                "repository_url": fw.repository_url,
                "updated_at": fw.updated_at.isoformat(),
                "package": fw.package,
                "releases": release_facts_json(fw.latest_release),
            }
            for fw in frameworks
        ],
        "criteria": [
            {
                "slug": c.slug,
                "name": c.name,
                "category": c.category,
                "description": c.description,
                "default_weight": c.default_weight,
            }
            for c in criteria
        ],
        "scores": [
            {
                "framework": fw.slug,
                "criterion": s.criterion.slug,
                "value": s.value,
                "note": s.note,
                "source_url": s.source_url,
                "last_reviewed": s.last_reviewed.isoformat(),
            }
            for fw in frameworks
            for s in fw.scores.all()
        ],
        "scale": {"min": SCORE_MIN, "max": SCORE_MAX},
    }
    # Without the spaces after separators: 4 KB (3 %) less to send to every client.
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})

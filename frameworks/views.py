"""Reader-facing catalogue pages. Each loads its data in a fixed number of queries."""

import re

from django.db.models import Avg
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from frameworks import comparison
from frameworks.models import Criterion, Framework, Score, UseCase, UseCaseFit
from pagecache.keys import reads_query
from recommender.models import Question

FEATURED_PAIRS = [("django", "flask"), ("django", "fastapi"), ("fastapi", "flask")]
# What a slug can look like; anything else is refused before it reaches the
# database (PostgreSQL, for one, rejects a NUL character in a query outright).
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def _not_found(request: HttpRequest, message: str) -> HttpResponse:
    frameworks = Framework.objects.published().only("name", "slug", "tagline")
    return render(
        request,
        "frameworks/not_found.html",
        {"message": message, "frameworks": frameworks},
        status=404,
    )


def _criterion_averages() -> dict[str, float]:
    rows = (
        Score.objects.published()
        .values("criterion__slug")
        .annotate(average=Avg("value"))
        .order_by()
    )
    return {row["criterion__slug"]: row["average"] for row in rows}


@reads_query()
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    frameworks = list(Framework.objects.published().only("name", "slug", "kind", "tagline"))
    by_slug = {fw.slug: fw for fw in frameworks}
    featured = [
        (by_slug[a], by_slug[b]) for a, b in FEATURED_PAIRS if a in by_slug and b in by_slug
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
            "question_count": Question.objects.count(),
        },
    )


@reads_query("kind")
@require_safe
def framework_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    kinds = dict(Framework.Kind.choices)
    frameworks = Framework.objects.published().with_scores()
    notice = ""
    if kind in kinds:
        frameworks = frameworks.filter(kind=kind)
    elif kind:
        notice = "There is no such kind of framework; showing them all."
        kind = ""
    frameworks = list(frameworks)
    criteria = list(Criterion.objects.all())
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
    framework = Framework.objects.visible_to(request.user).with_scores().filter(slug=slug).first()
    if framework is None:
        return _not_found(request, f"There is no published framework called “{slug}”.")
    strengths, weaknesses = comparison.strengths_and_weaknesses(framework, _criterion_averages())
    scores = sorted(framework.scores.all(), key=lambda s: (s.criterion.order, s.criterion.name))
    fits = UseCaseFit.objects.filter(framework=framework).select_related("use_case")
    others = Framework.objects.published().exclude(pk=framework.pk).only("name", "slug")
    compare_links = [
        (
            other,
            reverse(
                "frameworks:compare_pair",
                args=["-vs-".join(comparison.canonical_pair(framework.slug, other.slug))],
            ),
        )
        for other in others
    ]
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
            "oldest_review": min((s.last_reviewed for s in scores), default=None),
        },
    )
    return _private_if_draft(response, [framework])


def _private_if_draft(response: HttpResponse, frameworks: list[Framework]) -> HttpResponse:
    """A draft preview is for the editor who asked: never stored, never indexed."""
    if not all(fw.is_published for fw in frameworks):
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


def _render_comparison(request: HttpRequest, frameworks: list, *, canonical: str) -> HttpResponse:
    criteria = list(Criterion.objects.all())
    table = comparison.compare(frameworks, criteria)
    only_differences = request.GET.get("diff") == "1"
    return render(
        request,
        "frameworks/compare.html",
        {
            "frameworks": frameworks,
            "table": table,
            "rows": table.visible_rows(only_differences),
            "only_differences": only_differences,
            "chart": comparison.chart(table),
            "canonical": canonical,
            "all_frameworks": Framework.objects.published().only("name", "slug"),
            "selected": {fw.slug for fw in frameworks},
        },
    )


# "f": the shared compare template keeps a ?f= pick in its links.
@reads_query("diff", "f")
@require_safe
def compare_pair(request: HttpRequest, pair: str) -> HttpResponse:
    a, sep, b = pair.partition("-vs-")
    if not sep or not SLUG.fullmatch(a) or not SLUG.fullmatch(b):
        return _not_found(request, "A comparison address looks like /compare/django-vs-flask/.")
    if a == b:
        return redirect("frameworks:detail", slug=a)
    first, second = comparison.canonical_pair(a, b)
    if (a, b) != (first, second):
        target = reverse("frameworks:compare_pair", args=[f"{first}-vs-{second}"])
        if request.GET:
            target += "?" + request.GET.urlencode()
        return HttpResponsePermanentRedirect(target)
    found = {
        fw.slug: fw
        for fw in Framework.objects.visible_to(request.user).with_scores().filter(slug__in=[a, b])
    }
    missing = [s for s in (a, b) if s not in found]
    if missing:
        return _not_found(
            request,
            "No published framework is called " + " or ".join(f"“{m}”" for m in missing) + ".",
        )
    frameworks = [found[a], found[b]]
    canonical = reverse("frameworks:compare_pair", args=[pair])
    response = _render_comparison(request, frameworks, canonical=canonical)
    return _private_if_draft(response, frameworks)


@reads_query("f", "diff")
@require_safe
def compare_many(request: HttpRequest) -> HttpResponse:
    slugs = [s.strip().lower() for s in request.GET.getlist("f") if s.strip()]
    unique = list(dict.fromkeys(slugs))
    all_frameworks = Framework.objects.published().only("name", "slug")
    error = ""
    if not slugs:
        return render(request, "frameworks/compare_picker.html", {"all_frameworks": all_frameworks})
    if len(unique) < 2:
        error = "Pick at least two different frameworks to compare."
    elif len(unique) > comparison.MAX_COMPARED:
        error = (
            f"Pick at most {comparison.MAX_COMPARED} frameworks: "
            "a wider table stops being readable."
        )
    elif not all(SLUG.fullmatch(s) for s in unique):
        error = "That is not the name of a framework: pick from the list below."
    if not error:
        found = {
            fw.slug: fw
            for fw in Framework.objects.published().with_scores().filter(slug__in=unique)
        }
        missing = [s for s in unique if s not in found]
        if missing:
            error = (
                "No published framework is called "
                + ", ".join(f"“{m}”" for m in missing)
                + ". Pick from the list below."
            )
    if error:
        return render(
            request,
            "frameworks/compare_picker.html",
            {"all_frameworks": all_frameworks, "error": error, "selected": set(unique)},
            status=400,
        )
    if len(unique) == 2:
        first, second = comparison.canonical_pair(*unique)
        target = reverse("frameworks:compare_pair", args=[f"{first}-vs-{second}"])
        if request.GET.get("diff") == "1":
            target += "?diff=1"
        return redirect(target)
    ordered = [found[s] for s in unique]
    canonical = reverse("frameworks:compare") + "?" + urlencode([("f", s) for s in unique])
    return _render_comparison(request, ordered, canonical=canonical)


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
        .select_related("framework")
        .order_by("-value", "framework__name")
    )
    return render(
        request, "frameworks/criterion_detail.html", {"criterion": criterion, "scores": scores}
    )


@reads_query()
@require_safe
def use_case_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "frameworks/use_case_list.html", {"use_cases": UseCase.objects.with_fits()}
    )


@reads_query()
@require_safe
def use_case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    use_case = get_object_or_404(UseCase.objects.with_fits(), slug=slug)
    answers = use_case.example_answers if isinstance(use_case.example_answers, dict) else {}
    query = "?" + urlencode(sorted(answers.items())) if answers else ""
    return render(
        request,
        "frameworks/use_case_detail.html",
        {
            "use_case": use_case,
            "recommend_url": reverse("recommender:questionnaire") + query,
            "verdict_url": reverse("recommender:verdict") + query if answers else None,
        },
    )


@reads_query()
@require_safe
def catalogue_json(request: HttpRequest) -> JsonResponse:
    frameworks = Framework.objects.published().with_scores()
    criteria = Criterion.objects.all()
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
        "scale": {"min": 0, "max": 5},
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})

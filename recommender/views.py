"""Questionnaire and verdict views: load, parse, decide, render."""

from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from compare_site.context_processors import site_origin
from frameworks.comparison import canonical_pair
from pagecache.keys import reads_query
from recommender.answers import ParsedAnswers, parse_answers
from recommender.forms import QuestionnaireForm
from recommender.loading import load_catalogue, question_slugs
from recommender.presentation import verdict_as_dict, verdict_summary
from recommender.scoring import Catalogue, decide

# Besides the question slugs, which come from the database: a verdict "as of" a
# moment is another page than today's (DESIGN.md's URL contract).
VERDICT_PARAMETERS = ("as_of",)
TOO_MANY = "The address carries too many parameters; start again from the questionnaire."


def _parse(request: HttpRequest, catalogue: Catalogue) -> ParsedAnswers:
    try:
        return parse_answers(request.GET, catalogue.questions)
    except TooManyFieldsSent:
        return ParsedAnswers(errors={"__all__": TOO_MANY})


def _questionnaire_page(
    request: HttpRequest, catalogue: Catalogue, parsed: ParsedAnswers, status: int = 200
) -> HttpResponse:
    form = QuestionnaireForm(catalogue.questions, parsed.answers, parsed.errors)
    return render(
        request,
        "recommender/questionnaire.html",
        {
            "form": form,
            "errors": parsed.errors,
            "questions": catalogue.questions,
            "answered": len(parsed.answers),
        },
        status=status,
    )


@reads_query(names_from=question_slugs)
@require_safe
def questionnaire(request: HttpRequest) -> HttpResponse:
    catalogue = load_catalogue()
    parsed = _parse(request, catalogue)
    return _questionnaire_page(request, catalogue, parsed, status=200 if parsed.valid else 400)


@reads_query(*VERDICT_PARAMETERS, names_from=question_slugs)
@require_safe
def verdict(request: HttpRequest) -> HttpResponse:
    catalogue = load_catalogue()
    parsed = _parse(request, catalogue)
    if not parsed.valid:
        return _questionnaire_page(request, catalogue, parsed, status=400)
    result = decide(catalogue, parsed.answers)
    query = request.GET.urlencode()
    suffix = f"?{query}" if query else ""
    compare_url = None
    if result.winner and result.runner_up:
        a, b = canonical_pair(result.winner.slug, result.runner_up.slug)
        compare_url = reverse("frameworks:compare_pair", args=[f"{a}-vs-{b}"])
    return render(
        request,
        "recommender/verdict.html",
        {
            "verdict": result,
            "summary": verdict_summary(result),
            "questions": catalogue.questions,
            "answer_labels": _answer_labels(catalogue, parsed.answers),
            "permalink": _permalink(request),
            "edit_url": reverse("recommender:questionnaire") + suffix,
            "json_url": reverse("recommender:verdict_json") + suffix,
            "md_url": reverse("recommender:verdict_markdown") + suffix,
            "compare_url": compare_url,
        },
    )


@reads_query(*VERDICT_PARAMETERS, names_from=question_slugs)
@require_safe
def verdict_json(request: HttpRequest) -> JsonResponse:
    catalogue = load_catalogue()
    parsed = _parse(request, catalogue)
    if not parsed.valid:
        return JsonResponse(
            {"error": "Some answers could not be used.", "errors": parsed.errors}, status=400
        )
    result = decide(catalogue, parsed.answers)
    data = verdict_as_dict(result)
    data["permalink"] = _permalink(request)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _permalink(request: HttpRequest) -> str:
    """The verdict page for these answers, at the site's public address."""
    query = request.GET.urlencode()
    return site_origin(request) + reverse("recommender:verdict") + (f"?{query}" if query else "")


@reads_query(*VERDICT_PARAMETERS, names_from=question_slugs)
@require_safe
def verdict_markdown(request: HttpRequest) -> HttpResponse:
    catalogue = load_catalogue()
    parsed = _parse(request, catalogue)
    if not parsed.valid:
        lines = ["# The answers could not be used", ""]
        lines += [f"- {message}" for message in parsed.errors.values()]
        return HttpResponse(
            "\n".join(lines) + "\n", status=400, content_type="text/markdown; charset=utf-8"
        )
    result = decide(catalogue, parsed.answers)
    body = render_to_string(
        "recommender/verdict.md",
        {
            "verdict": result,
            "summary": verdict_summary(result),
            "answer_labels": _answer_labels(catalogue, parsed.answers),
            "permalink": _permalink(request),
        },
    )
    response = HttpResponse(body, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="framework-decision.md"'
    return response


def _answer_labels(catalogue: Catalogue, answers: dict[str, str]) -> list[tuple[str, str]]:
    """(question text, chosen label) for every answered question, in questionnaire order."""
    labels = []
    for question in catalogue.questions:
        choice = question.choice(answers.get(question.slug, ""))
        if choice is not None:
            labels.append((question.text, choice.label))
    return labels

"""Questionnaire and verdict views: load, parse, decide, render."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from compare_site.origin import site_origin
from frameworks.compare_urls import comparison_url
from frameworks.page_urls import page_url
from pagecache.keys import reads_query
from recommender.answers import ParsedAnswers, parse_answers
from recommender.forms import QuestionnaireForm
from recommender.loading import load_catalogue, load_catalogue_as_of, question_slugs
from recommender.moments import AS_OF, AsOf, parse_as_of, stamp
from recommender.presentation import verdict_as_dict, verdict_summary
from recommender.scoring import Answer, Catalogue, Verdict, decide

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


@dataclass(frozen=True)
class Moment:
    """When a verdict was computed, and today's verdict when it has changed since."""

    computed_at: datetime.datetime
    pinned: bool  # computed from the history, for an as_of in the address
    today: Verdict | None = None
    today_url: str = ""
    # Today's questionnaire no longer takes these answers (a choice was removed).
    answers_outdated: bool = False


def _load(request: HttpRequest) -> tuple[Catalogue, AsOf]:
    """Today's catalogue, or the one as_of asks for; an error when it cannot be had."""
    try:
        as_of = parse_as_of(request.GET.getlist(AS_OF), timezone.now())
    except TooManyFieldsSent:
        as_of = AsOf()  # parsing the answers says so
    if as_of.moment is None:
        return load_catalogue(), as_of
    catalogue = load_catalogue_as_of(as_of.moment)
    if not catalogue.frameworks:
        error = "The catalogue's history does not go back that far: no framework was listed then."
        return load_catalogue(), AsOf(error=error)
    return catalogue, as_of


def _outcome(result: Verdict) -> tuple:
    return tuple((r.slug, round(r.score, 1), r.excluded) for r in result.ranking)


def _moment(request: HttpRequest, as_of: AsOf, result: Verdict, pinned: ParsedAnswers) -> Moment:
    if as_of.moment is None:
        return Moment(computed_at=timezone.now().replace(microsecond=0), pinned=False)
    today_url = reverse("recommender:verdict") + pinned.query
    today_catalogue = load_catalogue()
    parsed = _parse(request, today_catalogue)
    if not parsed.valid:
        return Moment(as_of.moment, pinned=True, today_url=today_url, answers_outdated=True)
    today_url = reverse("recommender:verdict") + parsed.query
    today = decide(today_catalogue, parsed.answers)
    if _outcome(today) == _outcome(result):
        today = None
    return Moment(computed_at=as_of.moment, pinned=True, today=today, today_url=today_url)


@reads_query(*VERDICT_PARAMETERS, names_from=question_slugs)
@require_safe
def verdict(request: HttpRequest) -> HttpResponse:
    catalogue, as_of = _load(request)
    if as_of.error:
        return _questionnaire_page(
            request, catalogue, ParsedAnswers(errors={"__all__": as_of.error}), status=400
        )
    parsed = _parse(request, catalogue)
    if not parsed.valid:
        return _questionnaire_page(request, catalogue, parsed, status=400)
    result = decide(catalogue, parsed.answers)
    moment = _moment(request, as_of, result, parsed)
    suffix = parsed.query
    pinned = _pinned_query(parsed, moment.computed_at)
    compare_url = None
    if result.winner and result.runner_up:
        compare_url = comparison_url(result.winner.slug, result.runner_up.slug)
    return render(
        request,
        "recommender/verdict.html",
        {
            "verdict": result,
            "summary": verdict_summary(result),
            "questions": catalogue.questions,
            "answer_labels": _answer_labels(catalogue, parsed.answers),
            "permalink": _permalink(request, pinned),
            "moment": moment,
            "edit_url": page_url("recommender:questionnaire") + suffix,
            # The record and the JSON of the verdict on this page, pinned to the same moment.
            "json_url": page_url("recommender:verdict_json") + pinned,
            "md_url": page_url("recommender:verdict_markdown") + pinned,
            "compare_url": compare_url,
        },
    )


@reads_query(*VERDICT_PARAMETERS, names_from=question_slugs)
@require_safe
def verdict_json(request: HttpRequest) -> JsonResponse:
    catalogue, as_of = _load(request)
    if as_of.error:
        return JsonResponse(
            {"error": "as_of could not be used.", "errors": {AS_OF: as_of.error}}, status=400
        )
    parsed = _parse(request, catalogue)
    if not parsed.valid:
        return JsonResponse(
            {"error": "Some answers could not be used.", "errors": parsed.errors}, status=400
        )
    result = decide(catalogue, parsed.answers)
    moment = _moment(request, as_of, result, parsed)
    data = verdict_as_dict(result)
    data["permalink"] = _permalink(request, _pinned_query(parsed, moment.computed_at))
    data["as_of"] = stamp(moment.computed_at)
    if moment.today is not None:
        winner = moment.today.winner
        data["today"] = {
            "winner": winner.slug if winner else None,
            "url": site_origin(request) + moment.today_url,
        }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _permalink(request: HttpRequest, pinned: str) -> str:
    """The verdict page at the site's public address, for a ``_pinned_query``."""
    return site_origin(request) + page_url("recommender:verdict") + pinned


def _pinned_query(parsed: ParsedAnswers, moment: datetime.datetime) -> str:
    """The parsed answers and the moment, never copied from the request (junk stops here)."""
    # Colons kept as they are: the stamp reads as the ISO 8601 it is.
    pinned = urlencode({AS_OF: stamp(moment)}, safe=":")
    return f"{parsed.query}&{pinned}" if parsed.query else f"?{pinned}"


@reads_query(*VERDICT_PARAMETERS, names_from=question_slugs)
@require_safe
def verdict_markdown(request: HttpRequest) -> HttpResponse:
    catalogue, as_of = _load(request)
    parsed = _parse(request, catalogue) if not as_of.error else ParsedAnswers()
    if as_of.error or not parsed.valid:
        lines = ["# The answers could not be used", ""]
        errors = {AS_OF: as_of.error} if as_of.error else parsed.errors
        lines += [f"- {message}" for message in errors.values()]
        return HttpResponse(
            "\n".join(lines) + "\n", status=400, content_type="text/markdown; charset=utf-8"
        )
    result = decide(catalogue, parsed.answers)
    moment = _moment(request, as_of, result, parsed)
    body = render_to_string(
        "recommender/verdict.md",
        {
            "verdict": result,
            "summary": verdict_summary(result),
            "answer_labels": _answer_labels(catalogue, parsed.answers),
            "permalink": _permalink(request, _pinned_query(parsed, moment.computed_at)),
            "moment": moment,
            "origin": site_origin(request),
        },
    )
    response = HttpResponse(body, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="framework-decision.md"'
    return response


def _answer_labels(catalogue: Catalogue, answers: dict[str, Answer]) -> list[tuple[str, str]]:
    """(question text, chosen labels) for every answered question, in questionnaire order."""
    labels = []
    for question in catalogue.questions:
        chosen = question.selected(answers.get(question.slug))
        if chosen:
            labels.append((question.text, ", ".join(c.label for c in chosen)))
    return labels

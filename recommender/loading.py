"""Load the scoring inputs from the database into plain dataclasses.

Six queries, whatever the number of frameworks, criteria or questions; and the
result is cached under the content version, so that a warm cache answers any
verdict without touching the database at all.
"""

import datetime

from django.core.cache import cache

from frameworks.models import Criterion, Framework, Score
from pagecache import content_version, fragments
from recommender.models import Choice, ChoiceEffect, Question
from recommender.moments import end_of_second, stamp
from recommender.scoring import (
    Catalogue,
    ChoiceInfo,
    CriterionInfo,
    Effect,
    FrameworkInfo,
    QuestionInfo,
)


def load_catalogue_from_db() -> Catalogue:
    """Plain values, not model instances: building some 600 of them was three
    quarters of the time, and this runs on the first verdict after every edit."""
    criteria = tuple(
        CriterionInfo(slug=slug, name=name, default_weight=weight)
        for slug, name, weight in Criterion.objects.values_list("slug", "name", "default_weight")
    )
    published = list(Framework.objects.published().values_list("pk", "slug", "name"))
    scores: dict[int, dict[str, int]] = {pk: {} for pk, _slug, _name in published}
    # In the order a framework's prefetched scores come (Score's own ordering).
    for framework_id, criterion, value in (
        Score.objects.published()
        .order_by("criterion__order", "framework__name")
        .values_list("framework_id", "criterion__slug", "value")
    ):
        scores[framework_id][criterion] = value
    frameworks = tuple(
        FrameworkInfo(slug=slug, name=name, scores=scores[pk]) for pk, slug, name in published
    )
    effects: dict[int, list[Effect]] = {}
    for choice_id, criterion, weight_change, min_score, need in ChoiceEffect.objects.values_list(
        "choice_id", "criterion__slug", "weight_change", "min_score", "need"
    ):
        effects.setdefault(choice_id, []).append(
            Effect(criterion=criterion, weight_change=weight_change, min_score=min_score, need=need)
        )
    choices: dict[int, list[ChoiceInfo]] = {}
    for pk, question_id, slug, label in Choice.objects.order_by("order", "id").values_list(
        "pk", "question_id", "slug", "label"
    ):
        choices.setdefault(question_id, []).append(
            ChoiceInfo(slug=slug, label=label, effects=tuple(effects.get(pk, ())))
        )
    questions = tuple(
        QuestionInfo(
            slug=slug,
            text=text,
            help_text=help_text,
            multiple=multiple,
            choices=tuple(choices.get(pk, ())),
        )
        for pk, slug, text, help_text, multiple in Question.objects.values_list(
            "pk", "slug", "text", "help_text", "multiple"
        )
    )
    return Catalogue(criteria=criteria, frameworks=frameworks, questions=questions)


def _shared_catalogue() -> Catalogue:
    key = f"scoring-catalogue:{content_version.current()}"
    catalogue = cache.get(key)
    if catalogue is None:
        catalogue = load_catalogue_from_db()
        cache.set(key, catalogue)
    return catalogue


def load_catalogue() -> Catalogue:
    """Kept in the worker for the content version; the shared cache spares the
    database for the other workers."""
    return fragments.remember(("scoring-catalogue",), _shared_catalogue)


def load_catalogue_as_of_from_db(moment: datetime.datetime) -> Catalogue:
    """The catalogue and questionnaire as they stood at the end of that second.

    Read from the history tables (one query each), ordered as the live tables
    order them, so that ties break the same way they did then.
    """
    when = end_of_second(moment)
    criteria_rows = sorted(
        Criterion.history.as_of(when).values("id", "slug", "name", "default_weight", "order"),
        key=lambda c: (c["order"], c["name"]),
    )
    criterion_slug = {c["id"]: c["slug"] for c in criteria_rows}
    criterion_rank = {c["id"]: n for n, c in enumerate(criteria_rows)}
    framework_rows = sorted(
        Framework.history.as_of(when).filter(is_published=True).values("id", "slug", "name"),
        key=lambda f: f["name"],
    )
    scores: dict[int, dict[str, int]] = {f["id"]: {} for f in framework_rows}
    score_rows = Score.history.as_of(when).values("framework_id", "criterion_id", "value")
    for row in score_rows:
        if row["framework_id"] in scores and row["criterion_id"] in criterion_slug:
            scores[row["framework_id"]][criterion_slug[row["criterion_id"]]] = row["value"]
    effects: dict[int, list[dict]] = {}
    effect_rows = ChoiceEffect.history.as_of(when).values(
        "choice_id", "criterion_id", "weight_change", "min_score", "need"
    )
    for row in sorted(effect_rows, key=lambda e: criterion_rank.get(e["criterion_id"], -1)):
        if row["criterion_id"] in criterion_slug:
            effects.setdefault(row["choice_id"], []).append(row)
    choices: dict[int, list[dict]] = {}
    choice_rows = Choice.history.as_of(when).values("id", "question_id", "slug", "label", "order")
    for row in sorted(choice_rows, key=lambda c: (c["order"], c["id"])):
        choices.setdefault(row["question_id"], []).append(row)
    question_rows = sorted(
        Question.history.as_of(when).values("id", "slug", "text", "help_text", "order", "multiple"),
        key=lambda q: (q["order"], q["slug"]),
    )
    return Catalogue(
        criteria=tuple(
            CriterionInfo(slug=c["slug"], name=c["name"], default_weight=c["default_weight"])
            for c in criteria_rows
        ),
        frameworks=tuple(
            FrameworkInfo(slug=f["slug"], name=f["name"], scores=scores[f["id"]])
            for f in framework_rows
        ),
        questions=tuple(
            QuestionInfo(
                slug=q["slug"],
                text=q["text"],
                help_text=q["help_text"],
                multiple=q["multiple"],
                choices=tuple(
                    ChoiceInfo(
                        slug=c["slug"],
                        label=c["label"],
                        effects=tuple(
                            Effect(
                                criterion=criterion_slug[e["criterion_id"]],
                                weight_change=e["weight_change"],
                                min_score=e["min_score"],
                                need=e["need"],
                            )
                            for e in effects.get(c["id"], ())
                        ),
                    )
                    for c in choices.get(q["id"], ())
                ),
            )
            for q in question_rows
        ),
    )


def load_catalogue_as_of(moment: datetime.datetime) -> Catalogue:
    # The past does not change, but an editor may delete history rows: keep the
    # content version in the key like every other cached read.
    key = f"scoring-catalogue-as-of:{content_version.current()}:{stamp(moment)}"
    catalogue = cache.get(key)
    if catalogue is None:
        catalogue = load_catalogue_as_of_from_db(moment)
        cache.set(key, catalogue)
    return catalogue


def question_slugs() -> frozenset[str]:
    """The query parameters the questionnaire and the verdicts read (see pagecache.keys)."""
    return frozenset(question.slug for question in load_catalogue().questions)

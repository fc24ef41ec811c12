"""Load the scoring inputs from the database into plain dataclasses.

Six queries, whatever the number of frameworks, criteria or questions; and the
result is cached under the content version, so that a warm cache answers any
verdict without touching the database at all.
"""

from django.core.cache import cache

from frameworks.models import Criterion, Framework
from pagecache import content_version
from recommender.models import Question
from recommender.scoring import (
    Catalogue,
    ChoiceInfo,
    CriterionInfo,
    Effect,
    FrameworkInfo,
    QuestionInfo,
)


def load_catalogue_from_db() -> Catalogue:
    criteria = tuple(
        CriterionInfo(slug=c.slug, name=c.name, default_weight=c.default_weight)
        for c in Criterion.objects.all()
    )
    frameworks = tuple(
        FrameworkInfo(
            slug=fw.slug,
            name=fw.name,
            scores={s.criterion.slug: s.value for s in fw.scores.all()},
        )
        for fw in Framework.objects.published().with_scores()
    )
    questions = tuple(
        QuestionInfo(
            slug=q.slug,
            text=q.text,
            help_text=q.help_text,
            choices=tuple(
                ChoiceInfo(
                    slug=c.slug,
                    label=c.label,
                    effects=tuple(
                        Effect(
                            criterion=e.criterion.slug,
                            weight_change=e.weight_change,
                            min_score=e.min_score,
                        )
                        for e in c.effects.all()
                    ),
                )
                for c in q.choices.all()
            ),
        )
        for q in Question.objects.with_choices()
    )
    return Catalogue(criteria=criteria, frameworks=frameworks, questions=questions)


def load_catalogue() -> Catalogue:
    key = f"scoring-catalogue:{content_version.current()}"
    catalogue = cache.get(key)
    if catalogue is None:
        catalogue = load_catalogue_from_db()
        cache.set(key, catalogue)
    return catalogue


def question_slugs() -> frozenset[str]:
    """The query parameters the questionnaire and the verdicts read (see pagecache.keys)."""
    return frozenset(question.slug for question in load_catalogue().questions)

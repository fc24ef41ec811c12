"""Examples found in the seeded data, so that tests keep their point after re-scoring."""

from collections.abc import Callable
from itertools import combinations

from recommender.scoring import Catalogue, Verdict, decide


def first_answers(catalogue: Catalogue, holds: Callable[[Verdict], object]) -> dict[str, str]:
    """The first one or two single-choice answers, in questionnaire order, whose verdict
    ``holds``. Fails the test when none does: the behaviour then has no seeded example."""
    singles = [{q.slug: c.slug} for q in catalogue.questions if not q.multiple for c in q.choices]
    pairs = ({**a, **b} for a, b in combinations(singles, 2) if a.keys() != b.keys())
    for answers in (*singles, *pairs):
        if holds(decide(catalogue, answers)):
            return answers
    raise AssertionError("no one or two seeded answers give such a verdict")

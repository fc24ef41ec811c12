"""The pure scoring functions, on small hand-made catalogues."""

import pytest

from recommender.scoring import (
    Catalogue,
    ChoiceInfo,
    CriterionInfo,
    Effect,
    FrameworkInfo,
    QuestionInfo,
    decide,
)

CRITERIA = (
    CriterionInfo("speed", "Speed", 1.0),
    CriterionInfo("admin", "Admin", 1.0),
)
QUESTIONS = (
    QuestionInfo(
        "needs",
        "What matters?",
        (
            ChoiceInfo("fast", "Speed", (Effect("speed", 3.0),)),
            ChoiceInfo("admin", "An admin", (Effect("admin", 3.0, min_score=2),)),
            ChoiceInfo("no_admin", "No admin", (Effect("admin", -5.0),)),
        ),
    ),
)


def catalogue(*frameworks):
    return Catalogue(criteria=CRITERIA, frameworks=tuple(frameworks), questions=QUESTIONS)


RACER = FrameworkInfo("racer", "Racer", {"speed": 5, "admin": 0})
OFFICE = FrameworkInfo("office", "Office", {"speed": 1, "admin": 5})


def test_weights_move_the_winner():
    cat = catalogue(RACER, OFFICE)
    assert decide(cat, {"needs": "fast"}).winner.slug == "racer"
    assert decide(cat, {"needs": "admin"}).winner.slug == "office"


def test_scores_are_0_to_100_and_contributions_add_up():
    verdict = decide(catalogue(RACER, OFFICE), {"needs": "fast"})
    for ranked in verdict.ranking:
        assert 0 <= ranked.score <= 100
        assert sum(c.points for c in ranked.contributions) == pytest.approx(ranked.score)
    # speed weight 4, admin 1: Racer = (4*5 + 1*0) / (5*5) = 80
    assert verdict.winner.score == pytest.approx(80.0)


def test_weight_never_goes_below_zero():
    verdict = decide(catalogue(RACER, OFFICE), {"needs": "no_admin"})
    assert verdict.weights["admin"] == 0.0
    assert verdict.winner.slug == "racer"
    assert verdict.winner.score == pytest.approx(100.0)


def test_hard_minimum_excludes_with_a_reason():
    verdict = decide(catalogue(RACER, OFFICE), {"needs": "admin"})
    racer = next(r for r in verdict.ranking if r.slug == "racer")
    assert racer.excluded
    assert racer.reasons == [
        "scores 0 on Admin, below the minimum of 2 set by your answer “An admin” to “What matters?”"
    ]
    assert verdict.ranking[-1].slug == "racer"  # excluded ones come last
    assert verdict.runner_up is None and verdict.margin is None


def test_everything_excluded_gives_no_winner():
    cat = catalogue(RACER, FrameworkInfo("bare", "Bare", {"speed": 3, "admin": 1}))
    verdict = decide(cat, {"needs": "admin"})
    assert verdict.winner is None
    assert len(verdict.excluded) == 2


def test_ties_are_broken_by_name():
    twin_a = FrameworkInfo("zeta", "Zeta", {"speed": 3, "admin": 3})
    twin_b = FrameworkInfo("alpha", "Alpha", {"speed": 3, "admin": 3})
    for order in ((twin_a, twin_b), (twin_b, twin_a)):
        verdict = decide(catalogue(*order), {})
        assert [r.slug for r in verdict.ranking] == ["alpha", "zeta"]
        assert verdict.margin == 0.0
        assert verdict.close_call


def test_no_answers_is_a_verdict_with_no_preferences():
    verdict = decide(catalogue(RACER, OFFICE), {})
    assert verdict.no_preferences
    assert verdict.winner is not None


def test_what_would_change_lists_answers_that_flip_the_winner():
    verdict = decide(catalogue(RACER, OFFICE), {"needs": "fast"})
    flips = {(c.question, c.choice): c.winner for c in verdict.changes}
    # With no preference Office wins too: 6 points of 10 against Racer's 5.
    assert flips == {("needs", "admin"): "office", ("needs", ""): "office"}


def test_what_would_change_agrees_with_a_full_recomputation():
    cat = catalogue(RACER, OFFICE, FrameworkInfo("mid", "Mid", {"speed": 3, "admin": 3}))
    for answer in ("", "fast", "admin", "no_admin"):
        answers = {"needs": answer} if answer else {}
        verdict = decide(cat, answers)
        for change in verdict.changes:
            trial = {"needs": change.choice} if change.choice else {}
            assert decide(cat, trial).winner.slug == change.winner
        changed = {c.choice for c in verdict.changes}
        for choice in ("", "fast", "admin", "no_admin"):
            if choice != answer and choice not in changed:
                trial = {"needs": choice} if choice else {}
                assert decide(cat, trial).winner.slug == verdict.winner.slug


def test_unknown_answers_are_ignored_by_the_pure_function():
    verdict = decide(catalogue(RACER, OFFICE), {"needs": "nonsense", "other": "x"})
    assert verdict.weights == {"speed": 1.0, "admin": 1.0}

"""The pure scoring functions, on small hand-made catalogues."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.scoring import (
    Catalogue,
    ChoiceInfo,
    CriterionInfo,
    Effect,
    FrameworkInfo,
    QuestionInfo,
    decide,
    shared_contributions,
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


def _winner(cat, answers):
    """The winner of a full recomputation."""
    found = decide(cat, answers).winner
    return found.slug if found else None


def _brute_force_changes(cat, answers):
    """What would change, by recomputing the whole ranking for every alternative."""
    current = _winner(cat, answers)
    found = set()
    for question in cat.questions:
        if question.multiple:
            now = set(answers.get(question.slug, ()))
            for choice in question.choices:
                trial = dict(answers)
                trial[question.slug] = tuple(now ^ {choice.slug})
                other = _winner(cat, trial)
                if other is not None and other != current:
                    found.add((question.slug, choice.slug, other))
            continue
        for choice in ("", *(c.slug for c in question.choices)):
            if choice == answers.get(question.slug, ""):
                continue
            trial = {k: v for k, v in answers.items() if k != question.slug}
            if choice:
                trial[question.slug] = choice
            other = _winner(cat, trial)
            if other is not None and other != current:
                found.add((question.slug, choice, other))
    return found


def _brute_force_need_drops(cat, verdict):
    """Who wins without each stated need, by rebuilding the catalogue without it."""
    found = set()
    for need in verdict.needs:
        questions = tuple(
            replace(
                q,
                choices=tuple(
                    replace(
                        c,
                        effects=tuple(
                            replace(e, need=None)
                            if (q.slug, c.slug, e.criterion, e.need)
                            == (need.question, need.choice, need.criterion, need.minimum)
                            else e
                            for e in c.effects
                        ),
                    )
                    for c in q.choices
                ),
            )
            for q in cat.questions
        )
        without = Catalogue(criteria=cat.criteria, frameworks=cat.frameworks, questions=questions)
        other = _winner(without, verdict.answers)
        if other is not None and other != verdict.winner.slug:
            found.add((need.question, need.choice, need.criterion, other))
    return found


# Arbitrary weights, not only binary-exact ones: 0.3, -0.7 and 1.2345 as likely as 0.5.
# The catalogue counts them in hundredths, on the fast path and the full one alike.
weights = st.one_of(
    st.floats(min_value=-10, max_value=10, allow_nan=False),
    st.floats(min_value=-10, max_value=10, allow_nan=False).map(lambda w: round(w, 1)),
)


@st.composite
def catalogues_and_answers(draw):
    criteria = tuple(
        CriterionInfo(f"c{i}", f"C{i}", draw(st.floats(0, 5)))
        for i in range(draw(st.integers(1, 5)))
    )
    slugs = [c.slug for c in criteria]
    effect = st.builds(
        Effect,
        criterion=st.sampled_from(slugs),
        weight_change=weights,
        min_score=st.one_of(st.none(), st.none(), st.integers(0, 5)),
        need=st.one_of(st.none(), st.integers(0, 5)),
    )
    questions = tuple(
        QuestionInfo(
            f"q{q}",
            f"Q{q}",
            tuple(
                ChoiceInfo(
                    f"a{a}",
                    f"A{a}",
                    tuple(draw(st.lists(effect, max_size=3, unique_by=lambda e: e.criterion))),
                )
                for a in range(draw(st.integers(1, 3)))
            ),
            multiple=draw(st.booleans()),
        )
        for q in range(draw(st.integers(1, 4)))
    )
    frameworks = tuple(
        FrameworkInfo(f"f{i}", f"F{i}", {s: draw(st.integers(0, 5)) for s in slugs})
        for i in range(draw(st.integers(1, 6)))
    )
    cat = Catalogue(criteria=criteria, frameworks=frameworks, questions=questions)
    answers = {}
    for question in questions:
        slugs = [c.slug for c in question.choices]
        if question.multiple:
            picked = draw(st.lists(st.sampled_from(slugs), unique=True))
            if picked:
                answers[question.slug] = tuple(s for s in slugs if s in picked)
        else:
            choice = draw(st.sampled_from(["", *slugs]))
            if choice:
                answers[question.slug] = choice
    return cat, answers


@settings(max_examples=250, deadline=None)
@given(catalogues_and_answers())
def test_fast_what_would_change_equals_brute_force(data):
    cat, answers = data
    verdict = decide(cat, answers)
    fast = {(c.question, c.choice, c.winner) for c in verdict.changes}
    assert fast == _brute_force_changes(cat, answers)
    if verdict.winner is not None:
        drops = {
            (d.need.question, d.need.choice, d.need.criterion, d.winner) for d in verdict.need_drops
        }
        assert drops == _brute_force_need_drops(cat, verdict)


@settings(max_examples=200, deadline=None)
@given(catalogues_and_answers())
def test_whenever_some_framework_meets_every_need_the_winner_does(data):
    cat, answers = data
    verdict = decide(cat, answers)
    if verdict.winner is None:
        return
    if any(r.meets_all_needs for r in verdict.eligible):
        assert verdict.winner.meets_all_needs
    elif verdict.needs:
        assert verdict.no_framework_meets_every_need


def test_sums_are_exact_so_a_tie_is_a_tie():
    # 0.1 + 0.2 is not 0.3 in floating point; in hundredths it is.
    criteria = (
        CriterionInfo("a", "A", 0.1),
        CriterionInfo("b", "B", 0.2),
        CriterionInfo("c", "C", 0.3),
    )
    one = FrameworkInfo("one", "One", {"a": 1, "b": 1, "c": 0})
    two = FrameworkInfo("two", "Two", {"a": 0, "b": 0, "c": 1})
    tilt = QuestionInfo(
        "tilt", "Tilt?", (ChoiceInfo("c", "C", (Effect("c", 0.3), Effect("a", -0.7))),)
    )
    cat = Catalogue(criteria=criteria, frameworks=(two, one), questions=(tilt,))
    verdict = decide(cat, {})
    assert verdict.ranking[0].total == verdict.ranking[1].total
    assert [r.slug for r in verdict.ranking] == ["one", "two"]  # the tie goes to the name
    assert verdict.margin == 0.0
    assert {(c.choice, c.winner) for c in verdict.changes} == {("c", "two")}


def test_a_need_orders_where_a_hard_minimum_would_exclude():
    needy = QuestionInfo(
        "office", "Office?", (ChoiceInfo("yes", "Yes", (Effect("admin", 0, need=3),)),)
    )
    cat = Catalogue(criteria=CRITERIA, frameworks=(RACER, OFFICE), questions=(needy,))
    verdict = decide(cat, {"office": "yes"})
    assert [r.slug for r in verdict.ranking] == ["office", "racer"]
    racer = verdict.ranking[1]
    assert not racer.excluded and racer.unmet[0].value == 0
    assert "below the 3 needed by your answer “Yes”" in racer.unmet[0].reason


def test_two_answers_setting_the_same_minimum_give_one_reason():
    questions = QUESTIONS + (
        QuestionInfo("office", "Office?", (ChoiceInfo("yes", "Yes", (Effect("admin", 0, 3),)),)),
    )
    cat = Catalogue(criteria=CRITERIA, frameworks=(RACER, OFFICE), questions=questions)
    verdict = decide(cat, {"needs": "admin", "office": "yes"})
    racer = next(r for r in verdict.ranking if r.slug == "racer")
    assert racer.reasons == [
        "scores 0 on Admin, below the minimum of 3 set by your answers “An admin” and “Yes”"
    ]


@settings(max_examples=100, deadline=None)
@given(catalogues_and_answers())
def test_shared_contributions_are_each_frameworks_own(data):
    cat, answers = data
    ranking = decide(cat, answers).ranking
    shared = shared_contributions(ranking)
    assert [list(t) for t in shared] == [list(r.contributions) for r in ranking]
    # One object per distinct entry, so that pages lay each out once.
    distinct = {c for t in shared for c in t}
    assert len({id(c) for t in shared for c in t}) == len(distinct)

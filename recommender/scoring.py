"""Turn questionnaire answers into a verdict. Pure functions, no database access.

The model, stated once so that the verdict page can explain it:

* Every criterion starts at its default weight. Each answered question adds the
  weight changes of the chosen choice; a weight never drops below zero.
* A framework's score is its weighted average on the 0–5 scale, rescaled to
  0–100. Its contribution from one criterion is that criterion's share of the
  score, so the contributions add up to the score.
* A choice may set a hard minimum on a criterion: a framework scoring below it is
  excluded, and the verdict says which answer excluded it and why.
* Ties are broken by the framework's name, alphabetically, so that the same
  answers always give the same order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import mul

from frameworks.scale import SCORE_MAX

NEG_INF = float("-inf")
CLOSE_CALL_MARGIN = 3.0  # points out of 100


@dataclass(frozen=True, slots=True)
class CriterionInfo:
    slug: str
    name: str
    default_weight: float


@dataclass(frozen=True, slots=True)
class Effect:
    criterion: str
    weight_change: float = 0.0
    min_score: int | None = None


@dataclass(frozen=True, slots=True)
class ChoiceInfo:
    slug: str
    label: str
    effects: tuple[Effect, ...] = ()


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    slug: str
    text: str
    choices: tuple[ChoiceInfo, ...]
    help_text: str = ""

    def choice(self, slug: str) -> ChoiceInfo | None:
        return next((c for c in self.choices if c.slug == slug), None)


@dataclass(frozen=True, slots=True)
class FrameworkInfo:
    slug: str
    name: str
    scores: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Catalogue:
    criteria: tuple[CriterionInfo, ...]
    frameworks: tuple[FrameworkInfo, ...]
    questions: tuple[QuestionInfo, ...]
    # Derived once here, so that every verdict works on plain columns:
    # each criterion's scores, one per framework in `frameworks` order (0 when not
    # scored); for each (question, choice), what its weight changes add to each
    # framework's weighted total, and which frameworks its hard minimums exclude.
    columns: Mapping[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    rows: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)
    choice_gains: Mapping[tuple[str, str], tuple[float, ...]] = field(
        init=False, repr=False, compare=False
    )
    choice_fails: Mapping[tuple[str, str], tuple[bool, ...]] = field(
        init=False, repr=False, compare=False
    )
    # Per choice: its summed weight change per criterion, and whether it excludes any.
    choice_changes: Mapping[tuple[str, str], Mapping[str, float]] = field(
        init=False, repr=False, compare=False
    )
    choice_excludes: frozenset[tuple[str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        n = len(self.frameworks)
        columns = {
            c.slug: tuple(fw.scores.get(c.slug, 0) for fw in self.frameworks) for c in self.criteria
        }
        gains, fails, changes, excludes = {}, {}, {}, set()
        for question in self.questions:
            for choice in question.choices:
                gain = [0.0] * n
                failed = [False] * n
                summed: dict[str, float] = {}
                for effect in choice.effects:
                    column = columns.get(effect.criterion)
                    if column is None:
                        continue
                    summed[effect.criterion] = (
                        summed.get(effect.criterion, 0.0) + effect.weight_change
                    )
                    if effect.weight_change:
                        gain = [
                            g + effect.weight_change * v for g, v in zip(gain, column, strict=True)
                        ]
                    if effect.min_score is not None:
                        failed = [
                            f or v < effect.min_score for f, v in zip(failed, column, strict=True)
                        ]
                key = (question.slug, choice.slug)
                gains[key] = tuple(gain)
                fails[key] = tuple(failed)
                changes[key] = summed
                if any(failed):
                    excludes.add(key)
        object.__setattr__(self, "columns", columns)
        rows = tuple(zip(*columns.values(), strict=True)) if columns else ((),) * n
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "choice_gains", gains)
        object.__setattr__(self, "choice_fails", fails)
        object.__setattr__(self, "choice_changes", changes)
        object.__setattr__(self, "choice_excludes", frozenset(excludes))


@dataclass(frozen=True, slots=True)
class Contribution:
    criterion: str
    name: str
    weight: float
    value: int
    points: float  # share of the 0-100 score


@dataclass(frozen=True, slots=True)
class Exclusion:
    criterion: str
    criterion_name: str
    minimum: int
    value: int
    question: str
    question_text: str
    choice_label: str

    @property
    def reason(self) -> str:
        return (
            f"scores {self.value} on {self.criterion_name}, below the minimum of "
            f"{self.minimum} set by your answer “{self.choice_label}” "
            f"to “{self.question_text}”"
        )


@dataclass(frozen=True, slots=True)
class Ranked:
    slug: str
    name: str
    score: float  # 0-100
    criteria: tuple[CriterionInfo, ...] = field(repr=False)
    weights: tuple[float, ...] = field(repr=False)
    values: tuple[int, ...] = field(repr=False)
    scale: float = field(repr=False)  # points per unit of weight x score
    exclusions: tuple[Exclusion, ...] = ()

    @property
    def excluded(self) -> bool:
        return bool(self.exclusions)

    @property
    def reasons(self) -> list[str]:
        """One sentence per criterion, naming every answer that set a minimum on it."""
        by_criterion: dict[str, list[Exclusion]] = {}
        for exclusion in self.exclusions:
            by_criterion.setdefault(exclusion.criterion, []).append(exclusion)
        reasons = []
        for group in by_criterion.values():
            if len(group) == 1:
                reasons.append(group[0].reason)
                continue
            first = group[0]
            answers = " and ".join(f"“{e.choice_label}”" for e in group)
            reasons.append(
                f"scores {first.value} on {first.criterion_name}, below the minimum of "
                f"{max(e.minimum for e in group)} set by your answers {answers}"
            )
        return reasons

    @property
    def contributions(self) -> tuple[Contribution, ...]:
        """Each criterion's share of the score; they add up to ``score``."""
        return tuple(
            Contribution(
                criterion=c.slug, name=c.name, weight=w, value=v, points=w * v * self.scale
            )
            for c, w, v in zip(self.criteria, self.weights, self.values, strict=True)
        )

    def top_contributions(self, n: int = 3) -> tuple[Contribution, ...]:
        return tuple(sorted(self.contributions, key=lambda c: (-c.points, c.name))[:n])


@dataclass(frozen=True, slots=True)
class Change:
    """Answering ``question`` with ``choice`` instead would make ``winner`` win."""

    question: str
    question_text: str
    choice: str  # "" means "no preference"
    choice_label: str
    winner: str
    winner_name: str


@dataclass(frozen=True, slots=True)
class Verdict:
    answers: Mapping[str, str]
    weights: Mapping[str, float]
    ranking: tuple[Ranked, ...]  # eligible frameworks first, best first; then excluded ones
    changes: tuple[Change, ...] = field(default=())

    @property
    def eligible(self) -> tuple[Ranked, ...]:
        return tuple(r for r in self.ranking if not r.excluded)

    @property
    def excluded(self) -> tuple[Ranked, ...]:
        return tuple(r for r in self.ranking if r.excluded)

    @property
    def winner(self) -> Ranked | None:
        eligible = self.eligible
        return eligible[0] if eligible else None

    @property
    def runner_up(self) -> Ranked | None:
        eligible = self.eligible
        return eligible[1] if len(eligible) > 1 else None

    @property
    def margin(self) -> float | None:
        if self.winner is None or self.runner_up is None:
            return None
        return round(self.winner.score - self.runner_up.score, 1)

    @property
    def close_call(self) -> bool:
        return self.margin is not None and self.margin < CLOSE_CALL_MARGIN

    @property
    def no_preferences(self) -> bool:
        return not self.answers


def chosen_effects(
    catalogue: Catalogue, answers: Mapping[str, str]
) -> list[tuple[QuestionInfo, ChoiceInfo]]:
    """The (question, choice) pairs answered, in questionnaire order; unknown ones are skipped."""
    picked = []
    for question in catalogue.questions:
        slug = answers.get(question.slug)
        if slug:
            choice = question.choice(slug)
            if choice is not None:
                picked.append((question, choice))
    return picked


def raw_weights(
    criteria: Sequence[CriterionInfo], picked: Sequence[tuple[QuestionInfo, ChoiceInfo]]
) -> dict[str, float]:
    """Default weights plus every chosen weight change, before the floor at zero."""
    raw = {c.slug: c.default_weight for c in criteria}
    for _question, choice in picked:
        for effect in choice.effects:
            if effect.criterion in raw:
                raw[effect.criterion] += effect.weight_change
    return raw


def compute_weights(
    criteria: Sequence[CriterionInfo], picked: Sequence[tuple[QuestionInfo, ChoiceInfo]]
) -> dict[str, float]:
    return {slug: max(0.0, w) for slug, w in raw_weights(criteria, picked).items()}


def _exclusions(
    catalogue: Catalogue, picked: Sequence[tuple[QuestionInfo, ChoiceInfo]]
) -> list[list[Exclusion]]:
    """For each framework (in catalogue order), the hard minimums it fails."""
    names = {c.slug: c.name for c in catalogue.criteria}
    found: list[list[Exclusion]] = [[] for _ in catalogue.frameworks]
    for question, choice in picked:
        if (question.slug, choice.slug) not in catalogue.choice_excludes:
            continue
        for effect in choice.effects:
            if effect.min_score is None or effect.criterion not in names:
                continue
            # Frozen, so one Exclusion serves every framework with the same score.
            shared: dict[int, Exclusion] = {}
            for i, value in enumerate(catalogue.columns[effect.criterion]):
                if value < effect.min_score:
                    if value not in shared:
                        shared[value] = Exclusion(
                            criterion=effect.criterion,
                            criterion_name=names[effect.criterion],
                            minimum=effect.min_score,
                            value=value,
                            question=question.slug,
                            question_text=question.text,
                            choice_label=choice.label,
                        )
                    found[i].append(shared[value])
    return found


def _totals(catalogue: Catalogue, weights: Mapping[str, float]) -> list[float]:
    """Each framework's weighted sum of scores."""
    vector = [weights.get(c.slug, 0.0) for c in catalogue.criteria]
    return [sum(map(mul, row, vector)) for row in catalogue.rows]


def _rank_key(r: Ranked) -> tuple[bool, float, str]:
    return (r.excluded, -r.score, r.name)


def _ranking(
    catalogue: Catalogue,
    picked: Sequence[tuple[QuestionInfo, ChoiceInfo]],
    weights: Mapping[str, float],
    totals: Sequence[float],
) -> list[Ranked]:
    total_weight = sum(weights.values()) * SCORE_MAX
    scale = 100 / total_weight if total_weight else 0.0
    weight_vector = tuple(weights[c.slug] for c in catalogue.criteria)
    exclusions = _exclusions(catalogue, picked)
    ranking = [
        Ranked(
            slug=fw.slug,
            name=fw.name,
            score=totals[i] * scale,
            criteria=catalogue.criteria,
            weights=weight_vector,
            values=catalogue.rows[i],
            scale=scale,
            exclusions=tuple(exclusions[i]),
        )
        for i, fw in enumerate(catalogue.frameworks)
    ]
    ranking.sort(key=_rank_key)
    return ranking


def _best(catalogue: Catalogue, totals: list[float]) -> int | None:
    """Index of the winner: highest total, ties to the name that sorts first.

    Excluded frameworks carry a total of minus infinity.
    """
    top = max(totals, default=NEG_INF)
    if top == NEG_INF:
        return None
    if totals.count(top) == 1:
        return totals.index(top)
    tied = [i for i, t in enumerate(totals) if t == top]
    return min(tied, key=lambda i: catalogue.frameworks[i].name)


def what_would_change(
    catalogue: Catalogue,
    answers: Mapping[str, str],
    current_winner: str | None,
    totals: Sequence[float] | None = None,
) -> tuple[Change, ...]:
    """For each question, the other answers (including none) that would change the winner.

    Only one answer changes at a time, so each trial starts from the current
    weighted totals, takes away what the current choice added and adds what the
    other choice would (both precomputed per choice in the catalogue). Weights
    are floored at zero: where the floor bites on a criterion that either choice
    touches, that criterion is corrected exactly.
    """
    picked = chosen_effects(catalogue, answers)
    raw = raw_weights(catalogue.criteria, picked)
    if totals is None:
        totals = _totals(catalogue, {slug: max(0.0, w) for slug, w in raw.items()})
    n = len(catalogue.frameworks)
    current = {q.slug: c for q, c in picked}
    fail_counts = [0] * n
    for question, choice in picked:
        fails = catalogue.choice_fails[question.slug, choice.slug]
        fail_counts = [k + f for k, f in zip(fail_counts, fails, strict=True)]

    def shifted(values: list[float], criterion: str, change: float) -> list[float]:
        column = catalogue.columns[criterion]
        return [t + change * v for t, v in zip(values, column, strict=True)]

    changes = []
    for question in catalogue.questions:
        now = current.get(question.slug)
        # Totals and raw weights as if this question were unanswered; frameworks that
        # another answer excludes get minus infinity, so that they can never win.
        base = list(totals)
        without = raw
        other_fails = fail_counts
        if now is not None:
            key = (question.slug, now.slug)
            base = [t - g for t, g in zip(totals, catalogue.choice_gains[key], strict=True)]
            without = dict(raw)
            for criterion, change in catalogue.choice_changes[key].items():
                before = raw[criterion]
                after = without[criterion] = before - change
                if before < 0 or after < 0:  # only then does the floor at zero bite
                    floor = max(0.0, after) - max(0.0, before)
                    base = shifted(base, criterion, floor + change)
            other_fails = [
                k - f for k, f in zip(fail_counts, catalogue.choice_fails[key], strict=True)
            ]
        if any(other_fails):
            base = [NEG_INF if k else b for b, k in zip(base, other_fails, strict=True)]

        for choice in (None, *question.choices):
            if choice is now:
                continue
            if choice is None:
                trial = base
            else:
                key = (question.slug, choice.slug)
                trial = [b + g for b, g in zip(base, catalogue.choice_gains[key], strict=True)]
                for criterion, change in catalogue.choice_changes[key].items():
                    before = without[criterion]
                    if before < 0 or before + change < 0:
                        floor = max(0.0, before + change) - max(0.0, before)
                        trial = shifted(trial, criterion, floor - change)
                if key in catalogue.choice_excludes:
                    fails = catalogue.choice_fails[key]
                    trial = [NEG_INF if f else t for t, f in zip(trial, fails, strict=True)]
            best = _best(catalogue, trial)
            if best is not None and catalogue.frameworks[best].slug != current_winner:
                fw = catalogue.frameworks[best]
                changes.append(
                    Change(
                        question=question.slug,
                        question_text=question.text,
                        choice=choice.slug if choice else "",
                        choice_label=choice.label if choice else "No preference",
                        winner=fw.slug,
                        winner_name=fw.name,
                    )
                )
    return tuple(changes)


def decide(catalogue: Catalogue, answers: Mapping[str, str]) -> Verdict:
    """The verdict for ``answers`` (question slug → choice slug, already validated)."""
    answered = {q: c for q, c in answers.items() if c}
    picked = chosen_effects(catalogue, answered)
    weights = compute_weights(catalogue.criteria, picked)
    totals = _totals(catalogue, weights)
    ranking = _ranking(catalogue, picked, weights, totals)
    eligible = [r for r in ranking if not r.excluded]
    winner = eligible[0].slug if eligible else None
    return Verdict(
        answers=answered,
        weights=weights,
        ranking=tuple(ranking),
        changes=what_would_change(catalogue, answered, winner, totals),
    )

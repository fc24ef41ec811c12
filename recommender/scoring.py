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

MAX_SCORE = 5
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
    score: float
    contributions: tuple[Contribution, ...]
    exclusions: tuple[Exclusion, ...] = ()

    @property
    def excluded(self) -> bool:
        return bool(self.exclusions)

    @property
    def reasons(self) -> list[str]:
        return [e.reason for e in self.exclusions]

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


def compute_weights(
    criteria: Sequence[CriterionInfo], picked: Sequence[tuple[QuestionInfo, ChoiceInfo]]
) -> dict[str, float]:
    weights = {c.slug: c.default_weight for c in criteria}
    for _question, choice in picked:
        for effect in choice.effects:
            if effect.criterion in weights:
                weights[effect.criterion] += effect.weight_change
    return {slug: max(0.0, w) for slug, w in weights.items()}


def _exclusions(
    framework: FrameworkInfo,
    picked: Sequence[tuple[QuestionInfo, ChoiceInfo]],
    names: Mapping[str, str],
) -> tuple[Exclusion, ...]:
    found = []
    for question, choice in picked:
        for effect in choice.effects:
            if effect.min_score is None or effect.criterion not in names:
                continue
            value = framework.scores.get(effect.criterion, 0)
            if value < effect.min_score:
                found.append(
                    Exclusion(
                        criterion=effect.criterion,
                        criterion_name=names[effect.criterion],
                        minimum=effect.min_score,
                        value=value,
                        question=question.slug,
                        question_text=question.text,
                        choice_label=choice.label,
                    )
                )
    return tuple(found)


def _rank_key(r: Ranked) -> tuple[bool, float, str]:
    return (r.excluded, -r.score, r.name)


def rank(catalogue: Catalogue, answers: Mapping[str, str]) -> tuple[dict[str, float], list[Ranked]]:
    picked = chosen_effects(catalogue, answers)
    weights = compute_weights(catalogue.criteria, picked)
    names = {c.slug: c.name for c in catalogue.criteria}
    total = sum(weights.values()) * MAX_SCORE
    ranking = []
    for fw in catalogue.frameworks:
        contributions = tuple(
            Contribution(
                criterion=c.slug,
                name=c.name,
                weight=weights[c.slug],
                value=fw.scores.get(c.slug, 0),
                points=(weights[c.slug] * fw.scores.get(c.slug, 0) * 100 / total) if total else 0,
            )
            for c in catalogue.criteria
        )
        ranking.append(
            Ranked(
                slug=fw.slug,
                name=fw.name,
                score=sum(c.points for c in contributions),
                contributions=contributions,
                exclusions=_exclusions(fw, picked, names),
            )
        )
    ranking.sort(key=_rank_key)
    return weights, ranking


def winner_slug(catalogue: Catalogue, answers: Mapping[str, str]) -> str | None:
    """The winner alone, computed without building contributions (used for what-ifs)."""
    picked = chosen_effects(catalogue, answers)
    weights = compute_weights(catalogue.criteria, picked)
    minimums = [
        (e.criterion, e.min_score)
        for _q, choice in picked
        for e in choice.effects
        if e.min_score is not None and e.criterion in weights
    ]
    weighted = [(slug, w) for slug, w in weights.items() if w]
    best: tuple[float, str, str] | None = None
    for fw in catalogue.frameworks:
        scores = fw.scores
        if any(scores.get(c, 0) < m for c, m in minimums):
            continue
        total = sum(w * scores.get(slug, 0) for slug, w in weighted)
        key = (-total, fw.name, fw.slug)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def what_would_change(
    catalogue: Catalogue, answers: Mapping[str, str], current_winner: str | None
) -> tuple[Change, ...]:
    """For each question, the other answers (including none) that would change the winner."""
    names = {fw.slug: fw.name for fw in catalogue.frameworks}
    changes = []
    for question in catalogue.questions:
        current = answers.get(question.slug, "")
        alternatives = [("", "No preference")] + [(c.slug, c.label) for c in question.choices]
        for slug, label in alternatives:
            if slug == current:
                continue
            trial = dict(answers)
            if slug:
                trial[question.slug] = slug
            else:
                trial.pop(question.slug, None)
            other = winner_slug(catalogue, trial)
            if other is not None and other != current_winner:
                changes.append(
                    Change(
                        question=question.slug,
                        question_text=question.text,
                        choice=slug,
                        choice_label=label,
                        winner=other,
                        winner_name=names[other],
                    )
                )
    return tuple(changes)


def decide(catalogue: Catalogue, answers: Mapping[str, str]) -> Verdict:
    """The verdict for ``answers`` (question slug → choice slug, already validated)."""
    answered = {q: c for q, c in answers.items() if c}
    weights, ranking = rank(catalogue, answered)
    eligible = [r for r in ranking if not r.excluded]
    winner = eligible[0].slug if eligible else None
    return Verdict(
        answers=answered,
        weights=weights,
        ranking=tuple(ranking),
        changes=what_would_change(catalogue, answered, winner),
    )

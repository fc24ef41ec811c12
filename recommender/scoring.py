"""Turn questionnaire answers into a verdict. Pure functions, no database access.

The model, stated once so that the verdict page can explain it:

* Every criterion starts at its default weight. Each answer adds the weight
  changes of the chosen choice; a weight never drops below zero.
* A framework's score is its weighted average on the 0–5 scale, rescaled to
  0–100. Its contribution from one criterion is that criterion's share of the
  score, so the contributions add up to the score.
* A choice may state a **need**, "this criterion at least N". Needs order:
  frameworks that miss fewer of the stated needs rank above those that miss
  more (so every framework meeting all of them ranks above every one that does
  not), and within the same number of missed needs the weighted score decides.
  Two answers stating a need on the same criterion count as one need, at the
  higher minimum.
* A choice may also set a **hard minimum** on a criterion, for real knock-outs:
  a framework scoring below it is excluded, and the verdict says which answer
  excluded it and why.
* Ties are broken by the framework's name, alphabetically, so that the same
  answers always give the same order.

Arithmetic is exact: weights are counted in whole hundredths (a weight change of
0.3 is 30), so totals are integers and "equal" and "ahead" mean exactly that.
Only the 0–100 scores shown to people are floating point.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import add, mul, sub

from frameworks.scale import SCORE_MAX

CLOSE_CALL_MARGIN = 3.0  # points out of 100
HUNDREDTHS = 100

# A question's answer: one choice slug, or for a multi-select question a tuple of them.
Answer = str | tuple[str, ...]
UnitKey = tuple[str, str]  # (question slug, choice slug)


def hundredths(weight: float) -> int:
    """A weight in whole hundredths: the unit every sum in this module is made of."""
    return round(weight * HUNDREDTHS)


@dataclass(frozen=True, slots=True)
class CriterionInfo:
    slug: str
    name: str
    default_weight: float


@dataclass(frozen=True, slots=True)
class Effect:
    criterion: str
    weight_change: float = 0.0
    min_score: int | None = None  # hard minimum: below it, excluded
    need: int | None = None  # stated need: below it, ranked after those that meet it


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
    multiple: bool = False  # several choices may be picked (a repeated parameter)

    def choice(self, slug: str) -> ChoiceInfo | None:
        return next((c for c in self.choices if c.slug == slug), None)

    def selected(self, answer: Answer | None) -> tuple[ChoiceInfo, ...]:
        """The choices an answer picks, in questionnaire order; unknown slugs are skipped."""
        if not answer:
            return ()
        if isinstance(answer, str):
            choice = self.choice(answer)
            return (choice,) if choice is not None else ()
        if not self.multiple:
            return ()
        wanted = set(answer)
        return tuple(c for c in self.choices if c.slug in wanted)


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
    # Derived once here, so that every verdict works on plain integer columns:
    # each criterion's scores, one per framework in `frameworks` order (0 when not
    # scored), and for each (question, choice): its weight changes in hundredths,
    # what they add to each framework's weighted total, which frameworks its hard
    # minimums exclude, and as a bit mask per framework, the criteria whose
    # stated needs that framework misses (bit i is criterion i).
    columns: Mapping[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    rows: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)
    default_raw: Mapping[str, int] = field(init=False, repr=False, compare=False)
    choice_gains: Mapping[UnitKey, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    choice_fails: Mapping[UnitKey, tuple[bool, ...]] = field(init=False, repr=False, compare=False)
    choice_changes: Mapping[UnitKey, Mapping[str, int]] = field(
        init=False, repr=False, compare=False
    )
    choice_excludes: frozenset[UnitKey] = field(init=False, repr=False, compare=False)
    choice_misses: Mapping[UnitKey, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    choice_needy: frozenset[UnitKey] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        n = len(self.frameworks)
        columns = {
            c.slug: tuple(fw.scores.get(c.slug, 0) for fw in self.frameworks) for c in self.criteria
        }
        bit = {c.slug: 1 << i for i, c in enumerate(self.criteria)}
        gains, fails, changes, misses, excludes = {}, {}, {}, {}, set()
        for question in self.questions:
            for choice in question.choices:
                gain = [0] * n
                failed = [False] * n
                missed = [0] * n
                summed: dict[str, int] = {}
                for effect in choice.effects:
                    column = columns.get(effect.criterion)
                    if column is None:
                        continue
                    change = hundredths(effect.weight_change)
                    summed[effect.criterion] = summed.get(effect.criterion, 0) + change
                    if change:
                        gain = [g + change * v for g, v in zip(gain, column, strict=True)]
                    if effect.min_score is not None:
                        failed = [
                            f or v < effect.min_score for f, v in zip(failed, column, strict=True)
                        ]
                    if effect.need is not None:
                        b = bit[effect.criterion]
                        missed = [
                            m | b if v < effect.need else m
                            for m, v in zip(missed, column, strict=True)
                        ]
                key = (question.slug, choice.slug)
                gains[key] = tuple(gain)
                fails[key] = tuple(failed)
                changes[key] = summed
                misses[key] = tuple(missed)
                if any(failed):
                    excludes.add(key)
        object.__setattr__(self, "columns", columns)
        rows = tuple(zip(*columns.values(), strict=True)) if columns else ((),) * n
        object.__setattr__(self, "rows", rows)
        object.__setattr__(
            self, "default_raw", {c.slug: hundredths(c.default_weight) for c in self.criteria}
        )
        object.__setattr__(self, "choice_gains", gains)
        object.__setattr__(self, "choice_fails", fails)
        object.__setattr__(self, "choice_changes", changes)
        object.__setattr__(self, "choice_misses", misses)
        object.__setattr__(self, "choice_excludes", frozenset(excludes))
        object.__setattr__(
            self, "choice_needy", frozenset(k for k, row in misses.items() if any(row))
        )


@dataclass(frozen=True, slots=True)
class Contribution:
    criterion: str
    name: str
    weight: float
    share: float  # of the total weight, 0-1
    value: int
    points: float  # share of the 0-100 score

    @property
    def share_percent(self) -> int:
        """The criterion's share of the total weight, in whole per cent, for people."""
        return round(self.share * 100)


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
class Need:
    """An answer's stated need: ``criterion`` at least ``minimum``."""

    criterion: str
    criterion_name: str
    minimum: int
    question: str
    question_text: str
    choice: str
    choice_label: str

    @property
    def text(self) -> str:
        return f"{self.criterion_name} at least {self.minimum}/5"


@dataclass(frozen=True, slots=True)
class UnmetNeed:
    need: Need
    value: int

    @property
    def reason(self) -> str:
        return (
            f"scores {self.value} on {self.need.criterion_name}, below the {self.need.minimum} "
            f"needed by your answer “{self.need.choice_label}” to “{self.need.question_text}”"
        )


def contribution(
    criterion: CriterionInfo, weight: int, value: int, total_weight: int
) -> Contribution:
    """One criterion's part of a score: ``weight`` and ``total_weight`` in hundredths.

    The same for every framework with the same score on it under the same
    answers, so a page listing them all can lay out each once.
    """
    scale = 100 / (total_weight * SCORE_MAX) if total_weight else 0.0
    return Contribution(
        criterion=criterion.slug,
        name=criterion.name,
        weight=weight / HUNDREDTHS,
        share=weight / total_weight if total_weight else 0.0,
        value=value,
        points=weight * value * scale,
    )


@dataclass(frozen=True, slots=True)
class Ranked:
    slug: str
    name: str
    score: float  # 0-100, for people
    total: int = field(repr=False)  # weighted sum in hundredths: exact, for ordering
    criteria: tuple[CriterionInfo, ...] = field(repr=False)
    weights: tuple[int, ...] = field(repr=False)  # hundredths
    values: tuple[int, ...] = field(repr=False)
    total_weight: int = field(repr=False)  # hundredths
    exclusions: tuple[Exclusion, ...] = ()
    unmet: tuple[UnmetNeed, ...] = ()

    @property
    def excluded(self) -> bool:
        return bool(self.exclusions)

    @property
    def missed_count(self) -> int:
        """Needs missed, counting each criterion once."""
        return len({u.need.criterion for u in self.unmet})

    @property
    def meets_all_needs(self) -> bool:
        return not self.unmet

    @property
    def unmet_summary(self) -> tuple[str, ...]:
        """Each missed need once, as "X at least N/5 (scores V)", for pages and records."""
        return tuple(dict.fromkeys(f"{u.need.text} (scores {u.value})" for u in self.unmet))

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
            contribution(c, w, v, self.total_weight)
            for c, w, v in zip(self.criteria, self.weights, self.values, strict=True)
        )

    def top_contributions(self, n: int = 3) -> tuple[Contribution, ...]:
        return tuple(sorted(self.contributions, key=lambda c: (-c.points, c.name))[:n])


def shared_contributions(ranking: Sequence[Ranked]) -> list[tuple[Contribution, ...]]:
    """Each framework's ``contributions``, in ranking order, with one object for
    each distinct (criterion, weight, score, total weight).

    Under one set of answers a criterion weighs the same for every framework, so
    an entry depends only on the criterion and the framework's score: of 306 for
    18 frameworks (850 for 50) at most 17 × 6 differ. A page or document that
    lists them all can then lay out each distinct one once, by its identity.
    """
    # (weights, total weight) -> per criterion, score -> its contribution. One
    # entry for a verdict, whose frameworks all share the weights of its answers.
    made: dict[tuple, list[dict[int, Contribution]]] = {}
    tables = []
    for r in ranking:
        total = r.total_weight
        by_place = made.get((r.weights, total))
        if by_place is None:
            by_place = made[r.weights, total] = [{} for _ in r.criteria]
        table = []
        for place, value in enumerate(r.values):
            found = by_place[place].get(value)
            if found is None:
                found = by_place[place][value] = contribution(
                    r.criteria[place], r.weights[place], value, total
                )
            table.append(found)
        tables.append(tuple(table))
    return tables


@dataclass(frozen=True, slots=True)
class Change:
    """Changing the answer to ``question`` would make ``winner`` win.

    For a single-choice question, answering ``choice`` instead ("" means no
    preference); for a multi-select one, ``toggle`` says whether ``choice`` is
    added to the answer or removed from it.
    """

    question: str
    question_text: str
    choice: str
    choice_label: str
    winner: str
    winner_name: str
    toggle: str = ""  # "", "add" or "remove"


@dataclass(frozen=True, slots=True)
class NeedDrop:
    """Without ``need`` (the same answers otherwise), ``winner`` would win."""

    need: Need
    winner: str
    winner_name: str


@dataclass(frozen=True, slots=True)
class Verdict:
    answers: Mapping[str, Answer]
    weights: Mapping[str, float]
    ranking: tuple[Ranked, ...]  # eligible frameworks first, best first; then excluded ones
    changes: tuple[Change, ...] = field(default=())
    needs: tuple[Need, ...] = field(default=())
    need_drops: tuple[NeedDrop, ...] = field(default=())
    # Read dozens of times by a verdict page (winner, runner-up, margin...): made once.
    _eligible: tuple[Ranked, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_eligible", tuple(r for r in self.ranking if not r.excluded))

    @property
    def eligible(self) -> tuple[Ranked, ...]:
        return self._eligible

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

    @property
    def no_framework_meets_every_need(self) -> bool:
        """Needs were stated and not one eligible framework meets them all."""
        winner = self.winner
        return bool(self.needs) and winner is not None and not winner.meets_all_needs

    @property
    def winner_missed_needs(self) -> tuple[Need, ...]:
        winner = self.winner
        return tuple(u.need for u in winner.unmet) if winner else ()

    @property
    def best_per_need(self) -> tuple[tuple[Need, Ranked | None], ...]:
        """For each stated need, the best-ranked eligible framework that meets it."""
        if not self.ranking:
            return tuple((need, None) for need in self.needs)
        slugs = [c.slug for c in self.ranking[0].criteria]
        found = []
        for need in self.needs:
            index = slugs.index(need.criterion)
            best = next((r for r in self.eligible if r.values[index] >= need.minimum), None)
            found.append((need, best))
        return tuple(found)


Picked = Sequence[tuple[QuestionInfo, ChoiceInfo]]


def chosen_effects(
    catalogue: Catalogue, answers: Mapping[str, Answer]
) -> list[tuple[QuestionInfo, ChoiceInfo]]:
    """The (question, choice) pairs answered, in questionnaire order; unknown ones are skipped."""
    return [
        (question, choice)
        for question in catalogue.questions
        for choice in question.selected(answers.get(question.slug))
    ]


def raw_weights(catalogue: Catalogue, picked: Picked) -> dict[str, int]:
    """Default weights plus every chosen weight change, in hundredths, before the floor at zero."""
    raw = dict(catalogue.default_raw)
    for question, choice in picked:
        for criterion, change in catalogue.choice_changes[question.slug, choice.slug].items():
            raw[criterion] += change
    return raw


def compute_weights(catalogue: Catalogue, picked: Picked) -> dict[str, int]:
    return {slug: max(0, w) for slug, w in raw_weights(catalogue, picked).items()}


def stated_needs(catalogue: Catalogue, picked: Picked) -> list[Need]:
    names = {c.slug: c.name for c in catalogue.criteria}
    return [
        Need(
            criterion=effect.criterion,
            criterion_name=names[effect.criterion],
            minimum=effect.need,
            question=question.slug,
            question_text=question.text,
            choice=choice.slug,
            choice_label=choice.label,
        )
        for question, choice in picked
        for effect in choice.effects
        if effect.need is not None and effect.criterion in names
    ]


def _exclusions(catalogue: Catalogue, picked: Picked) -> list[list[Exclusion]]:
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


def _totals(catalogue: Catalogue, weights: Mapping[str, int]) -> list[int]:
    """Each framework's weighted sum of scores, in hundredths."""
    vector = [weights.get(c.slug, 0) for c in catalogue.criteria]
    return [sum(map(mul, row, vector)) for row in catalogue.rows]


def _rank_key(r: Ranked) -> tuple[bool, int, int, str]:
    return (r.excluded, r.missed_count, -r.total, r.name)


def _ranking(
    catalogue: Catalogue,
    picked: Picked,
    weights: Mapping[str, int],
    totals: Sequence[int],
    needs: Sequence[Need],
) -> list[Ranked]:
    total_weight = sum(weights.values())
    scale = 100 / (total_weight * SCORE_MAX) if total_weight else 0.0
    weight_vector = tuple(weights[c.slug] for c in catalogue.criteria)
    exclusions = _exclusions(catalogue, picked)
    unmet: list[list[UnmetNeed]] = [[] for _ in catalogue.frameworks]
    for need in needs:
        for i, value in enumerate(catalogue.columns[need.criterion]):
            if value < need.minimum:
                unmet[i].append(UnmetNeed(need, value))
    ranking = []
    for i, fw in enumerate(catalogue.frameworks):
        ranking.append(
            Ranked(
                slug=fw.slug,
                name=fw.name,
                score=totals[i] * scale,
                total=totals[i],
                criteria=catalogue.criteria,
                weights=weight_vector,
                values=catalogue.rows[i],
                total_weight=total_weight,
                exclusions=tuple(exclusions[i]),
                unmet=tuple(unmet[i]),
            )
        )
    ranking.sort(key=_rank_key)
    return ranking


def _best(
    catalogue: Catalogue,
    totals: Sequence[int],
    fails: Sequence[int] | None,
    misses: Sequence[int] | None,
) -> int | None:
    """Index of the winner: fewest missed needs, then highest total, then name.

    ``fails`` counts the hard minimums each framework fails (it must be 0 to win),
    or is None when no answer sets one; ``misses`` holds each framework's bit mask
    of missed need criteria, or None when no need is missed.
    """
    if fails is None and misses is None:
        if not totals:
            return None
        top = max(totals)
        if totals.count(top) == 1:
            return totals.index(top)
        tied = [i for i, t in enumerate(totals) if t == top]
    else:
        candidates = (
            [i for i, k in enumerate(fails) if not k] if fails is not None else range(len(totals))
        )
        if not candidates:
            return None
        if misses is not None:
            counts = [misses[i].bit_count() for i in candidates]
            fewest = min(counts)
            if fewest or any(counts):
                candidates = [i for i, c in zip(candidates, counts, strict=True) if c == fewest]
        top = max(totals[i] for i in candidates)
        tied = [i for i in candidates if totals[i] == top]
        if len(tied) == 1:
            return tied[0]
    return min(tied, key=lambda i: catalogue.frameworks[i].name)


def _or_all_but_one(masks: Sequence[Sequence[int]], n: int) -> list[list[int]]:
    """For each position k, the OR of every mask row except row k (prefix and suffix ORs)."""
    prefix = [[0] * n]
    for row in masks:
        prefix.append([a | b for a, b in zip(prefix[-1], row, strict=True)])
    suffix = [[0] * n]
    for row in reversed(masks):
        suffix.append([a | b for a, b in zip(suffix[-1], row, strict=True)])
    suffix.reverse()
    return [
        [a | b for a, b in zip(prefix[k], suffix[k + 1], strict=True)] for k in range(len(masks))
    ]


@dataclass(slots=True)
class _Trial:
    """Raw weights, totals, knock-out counts and need masks for one set of answers.

    ``fails`` is None when no answer sets a hard minimum, ``mask`` None when no
    framework misses a need: the common cases skip that work.
    """

    raw: Mapping[str, int]
    totals: list[int]
    fails: list[int] | None
    mask: list[int] | None


def _current(catalogue: Catalogue, picked: Picked, totals: Sequence[int] | None) -> _Trial:
    raw = raw_weights(catalogue, picked)
    if totals is None:
        totals = _totals(catalogue, {slug: max(0, w) for slug, w in raw.items()})
    n = len(catalogue.frameworks)
    fails = None
    mask = None
    for question, choice in picked:
        key = (question.slug, choice.slug)
        if key in catalogue.choice_excludes:
            row = catalogue.choice_fails[key]
            fails = [k + f for k, f in zip(fails or [0] * n, row, strict=True)]
        if key in catalogue.choice_needy:
            row = catalogue.choice_misses[key]
            mask = [a | b for a, b in zip(mask or [0] * n, row, strict=True)]
    return _Trial(raw, list(totals), fails, mask)


def _shift(
    catalogue: Catalogue,
    trial: _Trial,
    key: UnitKey,
    sign: int,
    mask: list[int] | None,
    last: bool = False,
) -> _Trial:
    """``trial`` with the pair ``key`` added (sign 1) or taken away (sign -1).

    Takes away or adds what the choice's weight changes add to each total
    (precomputed per choice). Weights are floored at zero: where the floor bites
    on a criterion the choice touches, that criterion is corrected exactly.
    ``mask`` is the need mask to use afterwards (taking a pair away needs the OR
    of the others, which the caller has). ``last`` says that no further shift
    starts from the result, so its raw weights need not be kept.
    """
    gains = catalogue.choice_gains[key]
    # map() over two sequences of one length: a third less time than a comprehension.
    totals = list(map(add if sign > 0 else sub, trial.totals, gains))
    raw = trial.raw
    changes = catalogue.choice_changes[key]
    if changes:
        source = raw
        if not last:
            raw = dict(raw)
        for criterion, change in changes.items():
            before = source[criterion]
            after = before + sign * change
            if not last:
                raw[criterion] = after
            if before < 0 or after < 0:  # only then does the floor at zero bite
                correction = max(0, after) - max(0, before) - sign * change
                if correction:
                    column = catalogue.columns[criterion]
                    totals = [t + correction * v for t, v in zip(totals, column, strict=True)]
    fails = trial.fails
    if key in catalogue.choice_excludes:
        row = catalogue.choice_fails[key]
        fails = [k + sign * f for k, f in zip(fails or [0] * len(totals), row, strict=True)]
    return _Trial(raw, totals, fails, mask)


def _masks_without(
    catalogue: Catalogue, picked: Picked, current: _Trial
) -> dict[UnitKey, list[int] | None]:
    """For each picked pair, the need mask of the other picked pairs."""
    keys = [(q.slug, c.slug) for q, c in picked]
    needy = [k for k in keys if k in catalogue.choice_needy]
    without: dict[UnitKey, list[int] | None] = dict.fromkeys(keys, current.mask)
    if needy:
        n = len(catalogue.frameworks)
        rows = [catalogue.choice_misses[k] for k in needy]
        for key, mask in zip(needy, _or_all_but_one(rows, n), strict=True):
            without[key] = mask if any(mask) else None
    return without


def _with_misses(catalogue: Catalogue, mask: list[int] | None, key: UnitKey) -> list[int] | None:
    if key not in catalogue.choice_needy:
        return mask
    row = catalogue.choice_misses[key]
    return list(row) if mask is None else [a | b for a, b in zip(mask, row, strict=True)]


def _winner_of(catalogue: Catalogue, trial: _Trial) -> int | None:
    return _best(catalogue, trial.totals, trial.fails, trial.mask)


def what_would_change(
    catalogue: Catalogue,
    answers: Mapping[str, Answer],
    current_winner: str | None,
    totals: Sequence[int] | None = None,
) -> tuple[Change, ...]:
    """For each question, the other answers that would change the winner, one at a time.

    A single-choice question tries every other choice and "no preference"; a
    multi-select question tries adding each choice not picked and removing each
    one picked.
    """
    picked = chosen_effects(catalogue, answers)
    current = _current(catalogue, picked, totals)
    without = _masks_without(catalogue, picked, current)
    picked_keys = set(without)
    changes = []
    for question in catalogue.questions:
        results: list[tuple[ChoiceInfo | None, str, int | None]] = []
        if question.multiple:
            for choice in question.choices:
                key = (question.slug, choice.slug)
                if key in picked_keys:
                    trial = _shift(catalogue, current, key, -1, without[key], last=True)
                    results.append((choice, "remove", _winner_of(catalogue, trial)))
                else:
                    mask = _with_misses(catalogue, current.mask, key)
                    trial = _shift(catalogue, current, key, 1, mask, last=True)
                    results.append((choice, "add", _winner_of(catalogue, trial)))
        else:
            now = next((c for q, c in picked if q is question), None)
            base = current
            if now is not None:
                key = (question.slug, now.slug)
                base = _shift(catalogue, current, key, -1, without[key])
            for choice in (None, *question.choices):
                if choice is now:
                    continue
                trial = base
                if choice is not None:
                    key = (question.slug, choice.slug)
                    mask = _with_misses(catalogue, base.mask, key)
                    trial = _shift(catalogue, base, key, 1, mask, last=True)
                results.append((choice, "", _winner_of(catalogue, trial)))
        for choice, toggle, best in results:
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
                        toggle=toggle,
                    )
                )
    return tuple(changes)


def without_each_need(
    catalogue: Catalogue,
    needs: Sequence[Need],
    current_winner: str | None,
    totals: Sequence[int],
    fails: Sequence[int],
) -> tuple[NeedDrop, ...]:
    """For each stated need, who would win if only that need were dropped."""
    if not needs:
        return ()
    n = len(catalogue.frameworks)
    bit = {c.slug: 1 << i for i, c in enumerate(catalogue.criteria)}
    rows = [
        [bit[need.criterion] if v < need.minimum else 0 for v in catalogue.columns[need.criterion]]
        for need in needs
    ]
    drops = []
    for need, mask in zip(needs, _or_all_but_one(rows, n), strict=True):
        best = _best(catalogue, totals, fails, mask)
        if best is not None and catalogue.frameworks[best].slug != current_winner:
            fw = catalogue.frameworks[best]
            drops.append(NeedDrop(need=need, winner=fw.slug, winner_name=fw.name))
    return tuple(drops)


def normalise_answers(catalogue: Catalogue, answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """Answered questions only: a slug, or for a multi-select question a tuple in choice order."""
    normal: dict[str, Answer] = {}
    for question in catalogue.questions:
        chosen = question.selected(answers.get(question.slug))
        if chosen:
            slugs = tuple(c.slug for c in chosen)
            normal[question.slug] = slugs if question.multiple else slugs[0]
    return normal


def decide(catalogue: Catalogue, answers: Mapping[str, Answer]) -> Verdict:
    """The verdict for ``answers`` (question slug → choice slug, or a tuple of them)."""
    answered = normalise_answers(catalogue, answers)
    picked = chosen_effects(catalogue, answered)
    weights = compute_weights(catalogue, picked)
    totals = _totals(catalogue, weights)
    needs = stated_needs(catalogue, picked)
    ranking = _ranking(catalogue, picked, weights, totals, needs)
    eligible = [r for r in ranking if not r.excluded]
    winner = eligible[0].slug if eligible else None
    fails = [0] * len(catalogue.frameworks)
    index = {fw.slug: i for i, fw in enumerate(catalogue.frameworks)}
    for r in ranking:
        if r.excluded:
            fails[index[r.slug]] = 1
    return Verdict(
        answers=answered,
        weights={slug: w / HUNDREDTHS for slug, w in weights.items()},
        ranking=tuple(ranking),
        changes=what_would_change(catalogue, answered, winner, totals),
        needs=tuple(needs),
        need_drops=without_each_need(catalogue, needs, winner, totals, fails),
    )

"""A use case's ranked fits, taken from the verdict for its example answers.

The page and its "See the verdict" link must never disagree, so the order comes
from the recommender; the editors' fit notes are commentary beside each framework.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.datastructures import MultiValueDict

from recommender.answers import ParsedAnswers, parse_answers
from recommender.scoring import Catalogue, Ranked, Verdict, decide

SHOWN_FIRST = 3  # the verdict's top frameworks, always listed


@dataclass(frozen=True)
class RankedFit:
    position: int  # 1 is the verdict's winner
    ranked: Ranked
    note: str  # the editors' commentary, "" when they wrote none


def parse_example(catalogue: Catalogue, example: object) -> ParsedAnswers:
    """Example answers read exactly as the verdict URL built from them would be."""
    if not isinstance(example, Mapping):
        return ParsedAnswers(errors={"__all__": "The example answers are not a mapping."})
    params = MultiValueDict()
    for slug, answer in example.items():
        values = [answer] if isinstance(answer, str) else list(answer)
        params.setlist(str(slug), [str(v) for v in values])
    return parse_answers(params, catalogue.questions)


def example_verdict(catalogue: Catalogue, parsed: ParsedAnswers) -> Verdict | None:
    if not parsed.valid or not parsed.answers:
        return None
    return decide(catalogue, parsed.answers)


def ranked_fits(verdict: Verdict, notes: Mapping[str, str]) -> list[RankedFit]:
    """The verdict's first frameworks and every one with a note, in the verdict's order.

    ``notes`` maps framework slug to the editors' fit note. Excluded frameworks
    are left to the caller (they have no position).
    """
    return [
        RankedFit(position=i, ranked=r, note=notes.get(r.slug, ""))
        for i, r in enumerate(verdict.eligible, start=1)
        if i <= SHOWN_FIRST or r.slug in notes
    ]


def excluded_fits(verdict: Verdict, notes: Mapping[str, str]) -> Sequence[tuple[Ranked, str]]:
    """Frameworks the editors mention that the example answers exclude, with the note."""
    return [(r, notes[r.slug]) for r in verdict.excluded if r.slug in notes]


def best_names(catalogue: Catalogue, example: object, n: int = SHOWN_FIRST) -> list[str] | None:
    """The verdict's first ``n`` framework names for these example answers, if they parse."""
    verdict = example_verdict(catalogue, parse_example(catalogue, example))
    if verdict is None:
        return None
    return [r.name for r in verdict.eligible[:n]]

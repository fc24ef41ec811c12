"""Read questionnaire answers from a query string, strictly and without surprises.

A question left out or left empty means "no preference". Parameters that are not
questions (utm_source and the like) are ignored. A multi-select question takes a
repeated parameter (``must_haves=websockets&must_haves=openapi``); every other
question takes one answer, and repeating it is an error. Everything else that is
wrong gets a message a person can act on, per question.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from recommender.scoring import Answer, QuestionInfo

MAX_VALUE_LENGTH = 100


@dataclass(frozen=True)
class ParsedAnswers:
    answers: dict[str, Answer] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.errors

    @cached_property
    def query(self) -> str:
        """The answers as a query string, "?a=b&…" or "": what every verdict link carries.

        Built from the parsed answers, never copied from the request, so that
        parameters that are no question (however long) stop here.
        """
        return "?" + answers_query(self.answers) if self.answers else ""


def _has_control_characters(value: str) -> bool:
    return any(unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co"} for ch in value)


def _value_error(question: QuestionInfo, value: str) -> str | None:
    """Why one submitted value is not a choice of ``question``, or None when it is."""
    if len(value) > MAX_VALUE_LENGTH:
        return (
            f"The answer to “{question.text}” is {len(value):,} characters long; "
            "pick one of the listed choices."
        )
    if "\ufffd" in value or _has_control_characters(value):
        return (
            f"The answer to “{question.text}” contains characters that cannot be "
            "read; pick one of the listed choices."
        )
    if question.choice(value) is None:
        valid = ", ".join(c.slug for c in question.choices)
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f"“{shown}” is not a choice for “{question.text}”. Valid choices: {valid}."
    return None


def parse_answers(params, questions: Sequence[QuestionInfo]) -> ParsedAnswers:
    """``params`` is a QueryDict (or anything with ``getlist``)."""
    answers: dict[str, Answer] = {}
    errors: dict[str, str] = {}
    for question in questions:
        values = params.getlist(question.slug)
        if not question.multiple and len(values) > 1:
            errors[question.slug] = (
                f"“{question.text}” was answered {len(values)} times; give one answer."
            )
            continue
        values = [v for v in values if v != ""]
        if not values:
            continue
        problem = next(filter(None, (_value_error(question, v) for v in values)), None)
        if problem is not None:
            errors[question.slug] = problem
        elif question.multiple:
            # Choice order, each once: the same set of answers is the same answer.
            wanted = set(values)
            answers[question.slug] = tuple(c.slug for c in question.choices if c.slug in wanted)
        else:
            answers[question.slug] = values[0]
    return ParsedAnswers(answers=answers, errors=errors)


def answers_query(answers: dict[str, Answer]) -> str:
    """The query string for ``answers``: a multi-select answer becomes a repeated parameter."""
    pairs = []
    for slug, answer in sorted(answers.items()):
        for value in (answer,) if isinstance(answer, str) else answer:
            pairs.append((slug, value))
    return urlencode(pairs)

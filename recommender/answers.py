"""Read questionnaire answers from a query string, strictly and without surprises.

A question left out or left empty means "no preference". Parameters that are not
questions (utm_source and the like) are ignored. Everything else that is wrong
gets a message a person can act on, per question.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.http import urlencode

from recommender.scoring import QuestionInfo

MAX_VALUE_LENGTH = 100


@dataclass(frozen=True)
class ParsedAnswers:
    answers: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def query(self) -> str:
        """The answers as a query string, "?a=b&…" or "": what every verdict link carries.

        Built from the parsed answers, never copied from the request, so that
        parameters that are no question (however long) stop here.
        """
        # doseq: a question that takes several choices repeats its parameter.
        return "?" + urlencode(list(self.answers.items()), doseq=True) if self.answers else ""


def _has_control_characters(value: str) -> bool:
    return any(unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co"} for ch in value)


def parse_answers(params, questions: Sequence[QuestionInfo]) -> ParsedAnswers:
    """``params`` is a QueryDict (or anything with ``getlist``)."""
    answers: dict[str, str] = {}
    errors: dict[str, str] = {}
    for question in questions:
        values = params.getlist(question.slug)
        if not values:
            continue
        if len(values) > 1:
            errors[question.slug] = (
                f"“{question.text}” was answered {len(values)} times; give one answer."
            )
            continue
        value = values[0]
        if value == "":
            continue
        if len(value) > MAX_VALUE_LENGTH:
            errors[question.slug] = (
                f"The answer to “{question.text}” is {len(value):,} characters long; "
                "pick one of the listed choices."
            )
        elif "\ufffd" in value or _has_control_characters(value):
            errors[question.slug] = (
                f"The answer to “{question.text}” contains characters that cannot be "
                "read; pick one of the listed choices."
            )
        elif question.choice(value) is None:
            valid = ", ".join(c.slug for c in question.choices)
            shown = value if len(value) <= 40 else value[:40] + "…"
            errors[question.slug] = (
                f"“{shown}” is not a choice for “{question.text}”. Valid choices: {valid}."
            )
        else:
            answers[question.slug] = value
    return ParsedAnswers(answers=answers, errors=errors)

"""Reader-facing forms: what a query string may ask for, and what to say when it cannot."""

import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from frameworks.comparison import MAX_COMPARED

# What a slug can look like; anything else is refused before it reaches the
# database (PostgreSQL, for one, rejects a NUL character in a query outright).
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


class SlugListField(forms.Field):
    """A repeated parameter (?f=a&f=b) as slugs: trimmed, lower-cased, each once, in order."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[str]:
        return list(dict.fromkeys(s.strip().lower() for s in value or () if s.strip()))


class CompareForm(forms.Form):
    """/compare/?f=a&f=b…: two to MAX_COMPARED published frameworks, each named once.

    Valid with no frameworks at all (the picker, before anything is picked);
    ``cleaned_data["f"]`` is then empty, and otherwise the frameworks in the
    order asked.
    """

    f = SlugListField(required=False)

    def __init__(self, data, frameworks: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.frameworks = frameworks  # the frameworks a pick must be one of, by slug
        self.picked: list[str] = []

    def clean_f(self) -> list:
        slugs = self.picked = self.cleaned_data["f"]
        if not slugs:
            return []
        if len(slugs) < 2:
            raise ValidationError("Pick at least two different frameworks to compare.")
        if len(slugs) > MAX_COMPARED:
            raise ValidationError(
                f"Pick at most {MAX_COMPARED} frameworks: a wider table stops being readable."
            )
        if not all(SLUG.fullmatch(s) for s in slugs):
            raise ValidationError("That is not the name of a framework: pick from the list below.")
        found = self.frameworks
        missing = [s for s in slugs if s not in found]
        if missing:
            raise ValidationError(
                "No published framework is called "
                + ", ".join(f"“{m}”" for m in missing)
                + ". Pick from the list below."
            )
        return [found[s] for s in slugs]

"""The address of a side-by-side comparison, /compare/<a>-vs-<b>/, in one place."""

from django.core.exceptions import ValidationError

from frameworks.comparison import canonical_pair
from frameworks.page_urls import page_url

SEPARATOR = "-vs-"


def validate_compare_slug(slug: str) -> None:
    """A framework slug must split out of "<a>-vs-<b>" unambiguously.

    The pair is split at the first "-vs-", so a slug containing one, or ending
    in "-vs" (which joins the separator into "-vs-vs-"), would send readers to
    a comparison of two other names.
    """
    if SEPARATOR in slug or slug.endswith(SEPARATOR[:-1]):
        raise ValidationError(
            "A slug may not contain “-vs-” or end in “-vs”: comparison addresses "
            "join two slugs with “-vs-”.",
            code="compare_separator",
        )


class PairConverter:
    """``<pair:pair>`` in a URL pattern: "a-vs-b" in the address, ("a", "b") in the view.

    Any segment matches, so that the view can say what a comparison address
    looks like; one without "-vs-" arrives as (segment, "").
    """

    regex = "[^/]+"

    def to_python(self, value: str) -> tuple[str, str]:
        first, _, second = value.partition(SEPARATOR)
        return first, second

    def to_url(self, value: tuple[str, str]) -> str:
        first, second = value
        return f"{first}{SEPARATOR}{second}"


def comparison_url(a: str, b: str) -> str:
    """The canonical address of two frameworks side by side: slugs in alphabetical order."""
    return page_url("frameworks:compare_pair", pair=canonical_pair(a, b))

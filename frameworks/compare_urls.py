"""The address of a side-by-side comparison, /compare/<a>-vs-<b>/, in one place."""

from django.core.exceptions import ValidationError

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

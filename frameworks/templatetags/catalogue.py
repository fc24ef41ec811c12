import datetime
from urllib.parse import urlsplit

from django import template

from frameworks.rendering import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render_markdown(text or "")


@register.filter
def get_item(mapping, key):
    """Look a key up in a dict from a template: ``{{ scores|get_item:criterion.slug }}``."""
    if mapping is None:
        return None
    return mapping.get(key)


@register.filter
def host(url: str) -> str:
    """The site a source lives on, shown so readers see whose word it is."""
    netloc = urlsplit(url or "").netloc
    return netloc.removeprefix("www.")


REVIEW_EVERY = datetime.timedelta(days=365)


@register.filter
def review_due(date) -> bool:
    """A score not reviewed for a year is flagged: frameworks change faster than that."""
    return bool(date) and date < datetime.date.today() - REVIEW_EVERY

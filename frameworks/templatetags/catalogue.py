from urllib.parse import urlsplit

from django import template

from frameworks.models import review_cutoff
from frameworks.rendering import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render_markdown(text or "")


@register.filter
def host(url: str) -> str:
    """The site a source lives on, shown so readers see whose word it is."""
    netloc = urlsplit(url or "").netloc
    return netloc.removeprefix("www.")


@register.filter
def review_due(date) -> bool:
    """A score not reviewed for REVIEW_MAX_AGE_DAYS is flagged: frameworks change fast."""
    return bool(date) and date < review_cutoff()

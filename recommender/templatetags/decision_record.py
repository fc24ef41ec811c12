"""Text written into the Markdown decision record reads as itself, never as markup."""

import re

from django import template

register = template.Library()

# Punctuation that starts emphasis, code, links, images, strikethrough or a table cell
# anywhere on a line; headings and list items only at its start.
INLINE_PUNCTUATION = re.compile(r"([\\`*_\[\]!|~])")
LEADING_PUNCTUATION = re.compile(r"^([#+-])")
HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


@register.filter
def markdown_text(value) -> str:
    """Escape HTML as entities (Markdown passes raw HTML through) and Markdown's
    punctuation with backslashes. A line break would start a new block, so every
    run of white space becomes one space."""
    text = " ".join(str(value).split())
    text = re.sub(r"[&<>]", lambda m: HTML_ENTITIES[m.group()], text)
    text = INLINE_PUNCTUATION.sub(r"\\\1", text)
    return LEADING_PUNCTUATION.sub(r"\\\1", text)

from urllib.parse import urlsplit

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from frameworks.models import review_cutoff
from frameworks.rendering import render_markdown
from frameworks.scale import SCORE_MAX

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


# The two pieces below appear once per score on the busiest pages (a 4-way
# comparison shows 68 of each): as simple tags they cost a function call, where
# an {% include %} costs a template render each time.


@register.simple_tag
def score_badge(value):
    """A 0-5 score as a number and a small bar; ``value`` may be None (not scored)."""
    if value is None:
        return format_html('<span class="score score-none">{}</span>', "not scored")
    return format_html(
        '<span class="score score-{0}"><span class="score-num">{0}</span>'
        '<span class="visually-hidden"> out of {1}</span> '
        '<svg class="score-bar" width="50" height="8" viewBox="0 0 50 8" aria-hidden="true"'
        ' focusable="false"><rect class="track" width="50" height="8" rx="4"/>'
        '<rect class="fill" width="{2}" height="8" rx="4"/></svg></span>',
        value,
        SCORE_MAX,
        round(50 * value / SCORE_MAX),
    )


@register.simple_tag
def source_link(url="", date=None, label="source"):
    """The page a fact rests on, and the day it was last reviewed (flagged when due)."""
    parts = []
    if url:
        parts.append(
            format_html(
                '<a class="source-link" href="{}" rel="noopener nofollow">{}: {}</a>',
                url,
                label or "source",
                host(url),
            )
        )
    if date:
        due = (
            format_html(' <strong class="review-due">{}</strong>', "review due")
            if review_due(date)
            else ""
        )
        parts.append(
            format_html(
                ' <span class="reviewed">· reviewed <time datetime="{}">{}</time>{}</span>',
                date.isoformat(),
                date_format(date, "j M Y"),
                due,
            )
        )
    return format_html_join("", "{}", ((p,) for p in parts))

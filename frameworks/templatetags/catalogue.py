import datetime
from urllib.parse import urlsplit

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

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


def _day(moment) -> tuple[str, str]:
    """A moment as the ``date`` filter shows it in the site's time zone: ISO and "1 Dec 2026"."""
    if not moment:
        return "", ""
    if isinstance(moment, datetime.datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, "Y-m-d"), date_format(moment, "j M Y")


@register.simple_tag
def score_history_link(score, framework_slug: str):
    """Beside a score: how often it changed, linking to its history, and a way to
    correct it. ``score`` carries ``change_count`` and ``last_changed``
    (``with_change_stats``). Shown 17 times on a profile: a tag, not an include."""
    criterion = score.criterion.slug
    iso, day = _day(score.last_changed)
    count = score.change_count
    if count:
        times = "once" if count == 1 else f"{count} times"
        changed = format_html('Changed {}; last on <time datetime="{}">{}</time>', times, iso, day)
    else:
        changed = format_html('Unchanged since <time datetime="{}">{}</time>', iso, day)
    return format_html(
        '<span class="score-trust small"><a href="{}">{}</a> · <a href="{}">Suggest a correction'
        '<span class="visually-hidden"> to {}</span></a></span>',
        reverse("changelog:score_history", args=[framework_slug, criterion]),
        changed,
        reverse("corrections:suggest", args=[framework_slug, criterion]),
        score.criterion.name,
    )


@register.simple_tag
def overview_cells(row):
    """One row of the all-frameworks table: a number per framework, the highest marked.

    306 cells with 18 frameworks, 850 with 50: as template markup each cost more
    than the rest of the page; the values are integers, nothing to escape.
    """
    return mark_safe(
        "".join(
            f'<td class="num best">{cell.value}<span class="visually-hidden"> (highest)</span></td>'
            if cell.best
            else f'<td class="num">{"–" if cell.value is None else cell.value}</td>'
            for cell in row.cells
        )
    )

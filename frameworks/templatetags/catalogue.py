import datetime
from urllib.parse import urlsplit

from django import template
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from frameworks.models import review_cutoff
from frameworks.page_urls import criterion_url, page_url, profile_url
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


# The pieces below appear once per score on the busiest pages (a 4-way
# comparison shows 68 of each): as simple tags they cost a function call, where
# an {% include %} costs a template render each time; and as f-strings around
# escaped text, a tenth of format_html and the date filter.


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_month_year(day: datetime.date) -> str:
    """``date:"j M Y"`` ("1 Dec 2026"), without the template engine's date formatter."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@register.simple_tag
def score_badge(value):
    """A 0-5 score as a number and a small bar; ``value`` may be None (not scored)."""
    if value is None:
        return mark_safe('<span class="score score-none">not scored</span>')
    value = int(value)
    return mark_safe(
        f'<span class="score score-{value}"><span class="score-num">{value}</span>'
        f'<span class="visually-hidden"> out of {SCORE_MAX}</span> '
        '<svg class="score-bar" width="50" height="8" viewBox="0 0 50 8" aria-hidden="true"'
        ' focusable="false"><rect class="track" width="50" height="8" rx="4"/>'
        f'<rect class="fill" width="{round(50 * value / SCORE_MAX)}" height="8" rx="4"/></svg>'
        "</span>"
    )


@register.simple_tag
def source_link(url="", date=None, label="source"):
    """The page a fact rests on, and the day it was last reviewed (flagged when due)."""
    parts = []
    if url:
        parts.append(
            f'<a class="source-link" href="{escape(url)}" rel="noopener nofollow">'
            f"{escape(label or 'source')}: {escape(host(url))}</a>"
        )
    if date:
        due = ' <strong class="review-due">review due</strong>' if review_due(date) else ""
        parts.append(
            f' <span class="reviewed">&middot; reviewed <time datetime="{date.isoformat()}">'
            f"{day_month_year(date)}</time>{due}</span>"
        )
    return mark_safe("".join(parts))


def _day(moment) -> tuple[str, str]:
    """A moment as the ``date`` filter shows it in the site's time zone: ISO and "1 Dec 2026"."""
    if not moment:
        return "", ""
    if isinstance(moment, datetime.datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime("%Y-%m-%d"), day_month_year(moment)


@register.simple_tag
def score_history_link(score, framework_slug: str):
    """Beside a score: how often it changed, linking to its history, and a way to
    correct it. ``score`` carries ``change_count`` and ``last_changed``
    (``with_change_stats``). Shown 17 times on a profile: a tag, not an include."""
    criterion = score.criterion.slug
    iso, day = _day(score.last_changed)
    count = score.change_count
    if count:
        times = "once" if count == 1 else f"{int(count)} times"
        changed = f'Changed {times}; last on <time datetime="{iso}">{day}</time>'
    else:
        changed = f'Unchanged since <time datetime="{iso}">{day}</time>'
    history = escape(page_url("changelog:score_history", slug=framework_slug, criterion=criterion))
    suggest = escape(page_url("corrections:suggest", slug=framework_slug, criterion=criterion))
    return mark_safe(
        f'<span class="score-trust small"><a href="{history}">{changed}</a> &middot; '
        f'<a href="{suggest}">Suggest a correction<span class="visually-hidden"> to '
        f"{escape(score.criterion.name)}</span></a></span>"
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


def profile_link(slug: str, name: str) -> str:
    """A framework's name, linked to its profile, as the comparison and the verdict
    write it."""
    return f'<a href="{escape(profile_url(slug))}">{escape(name)}</a>'


@register.filter(name="profile_url")
def profile_url_filter(slug: str) -> str:
    """``{% url 'frameworks:detail' slug %}``, reversed once per worker (``page_urls``)."""
    return profile_url(slug)


@register.filter(name="criterion_url")
def criterion_url_filter(slug: str) -> str:
    return criterion_url(slug)

"""The verdict page's per-framework lists, built in Python: the ranking and
every framework's contribution table.

A verdict lists every framework's points from every criterion: 306 rows for 18
frameworks, 850 for 50. Through the template engine each row cost a loop
iteration, four variable lookups and a ``floatformat``, the biggest part of
rendering a unique verdict, and nearly every verdict is a miss; here a row is
one f-string. Every text is escaped, the numbers formatted as ``floatformat``
would (``frameworks.formatting.fixed``).
"""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from frameworks.formatting import fixed

register = template.Library()


def _contribution_rows(contributions) -> str:
    """``<tr>`` per criterion: name, share of the weight, score and points."""
    names: dict[str, str] = {}
    rows = []
    for c in contributions:
        name = names.get(c.name)
        if name is None:
            name = names[c.name] = escape(c.name)
        rows.append(
            f'<tr><th scope="row">{name}</th><td class="num">{c.share_percent:d} %</td>'
            f'<td class="num">{c.value:d}/5</td><td class="num">{fixed(c.points, 1)}</td></tr>'
        )
    return "".join(rows)


@register.simple_tag
def ranking_items(ranked) -> SafeString:
    """``<li>`` per eligible framework: name, a bar of its score, the score, missed needs."""
    items = []
    for place, r in enumerate(ranked):
        winner = " winner" if place == 0 else ""
        unmet = (
            f'\n  <span class="rank-unmet">Misses {escape("; ".join(r.unmet_summary))}</span>'
            if r.unmet
            else ""
        )
        items.append(
            f'<li>\n  <span class="rank-name"><a href="'
            f'{escape(reverse("frameworks:detail", args=[r.slug]))}">{escape(r.name)}</a></span>\n'
            '  <svg class="rank-bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
            'aria-hidden="true" focusable="false"><rect class="track" width="100" height="10" '
            f'rx="2"/><rect class="fill{winner}" width="{fixed(r.score, 1)}" height="10" rx="2"/>'
            f'</svg>\n  <span class="rank-score">{fixed(r.score, 0)}<span class="visually-hidden">'
            f" out of 100</span></span>{unmet}\n</li>"
        )
    return mark_safe("\n".join(items))


@register.simple_tag
def contribution_tables(ranking) -> SafeString:
    """A closed ``<details>`` per framework with the points from each criterion."""
    tables = []
    for r in ranking:
        name = escape(r.name)
        excluded = " (excluded)" if r.excluded else ""
        tables.append(
            f'<details class="contributions">\n  <summary>{name}: {fixed(r.score, 1)} out of 100'
            f'{excluded}</summary>\n  <table class="table table-sm why-table">\n    <caption>'
            f"{name}: points from each criterion</caption>\n    <thead><tr>"
            '<th scope="col">Criterion</th><th scope="col" class="num">Share of the weight</th>'
            '<th scope="col" class="num">Score</th><th scope="col" class="num">Points</th>'
            f"</tr></thead>\n    <tbody>\n      {_contribution_rows(r.contributions)}\n"
            "    </tbody>\n  </table>\n</details>"
        )
    return mark_safe("\n".join(tables))

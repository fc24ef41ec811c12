"""The verdict page's lists, built in Python: the ranking, every framework's
contribution table, the top contributions, the weights and what would change.

A verdict lists every framework's points from every criterion: 306 rows for 18
frameworks, 850 for 50. Through the template engine each row cost a loop
iteration, four variable lookups and a ``floatformat``, the biggest part of
rendering a unique verdict, and nearly every verdict is a miss; here a row is
one f-string, and links are reversed once per worker (``frameworks.page_urls``).
Every text is escaped, the numbers formatted as ``floatformat``
would (``frameworks.formatting.fixed``).
"""

from html import escape  # Django's escape plus a lazy-string check each call; these are str

from django import template
from django.utils.safestring import SafeString, mark_safe

from frameworks.formatting import ascii_escape, fixed
from frameworks.page_urls import criterion_url
from frameworks.templatetags.catalogue import profile_link
from recommender.scoring import shared_contributions

register = template.Library()


@register.simple_tag
def top_contribution_rows(contributions) -> SafeString:
    return mark_safe("".join(_contribution_row(c, linked=True) for c in contributions))


@register.simple_tag
def weight_items(contributions) -> SafeString:
    """``<li>`` per criterion: its share of the weight for these answers."""
    return mark_safe(
        "".join(
            f"<li>{escape(c.name)}: {c.share_percent:d} % of the weight</li>" for c in contributions
        )
    )


@register.simple_tag
def need_items(verdict) -> SafeString:
    """``<li>`` per stated need: whether the winner meets it, and if not, who does."""
    winner = verdict.winner
    missed = verdict.winner_missed_needs
    nobody_meets_all = verdict.no_framework_meets_every_need
    items = []
    for need, best in verdict.best_per_need:
        verdict_on_it = ""
        if winner and need in missed:
            verdict_on_it = f"<strong>{escape(winner.name)} misses it.</strong>"
            if nobody_meets_all and best:
                verdict_on_it += (
                    f" {profile_link(best.slug, best.name)} "
                    "is the best framework that meets this need on its own."
                )
            elif nobody_meets_all:
                verdict_on_it += " No framework meets it."
        elif winner:
            verdict_on_it = f"{escape(winner.name)} meets it."
        items.append(
            f'<li>\n      <a href="{escape(criterion_url(need.criterion))}">'
            f"{escape(need.criterion_name)}</a> at least {need.minimum}/5, from your answer "
            f"&ldquo;{escape(need.choice_label)}&rdquo;.\n      {verdict_on_it}\n    </li>"
        )
    return mark_safe("\n    ".join(items))


@register.simple_tag
def excluded_items(excluded) -> SafeString:
    """``<li>`` per excluded framework, with every minimum it falls below."""
    return mark_safe(
        "".join(
            f"<li>{profile_link(r.slug, r.name)} {ascii_escape('; '.join(r.reasons))}.</li>"
            for r in excluded
        )
    )


@register.simple_tag
def change_items(verdict) -> SafeString:
    """``<li>`` per answer that would change the winner, then per need whose removal would."""
    items = []
    for c in verdict.changes:
        label, question = escape(c.choice_label), escape(c.question_text)
        if c.toggle == "add":
            what = f"Adding <strong>{label}</strong> to &ldquo;{question}&rdquo;"
        elif c.toggle == "remove":
            what = f"Leaving <strong>{label}</strong> out of &ldquo;{question}&rdquo;"
        else:
            what = f"Answering &ldquo;{question}&rdquo; with <strong>{label}</strong>"
        winner = profile_link(c.winner, c.winner_name)
        items.append(f"<li>{what} would make {winner} the winner.</li>")
    for d in verdict.need_drops:
        items.append(
            f"<li>Without the need <strong>{escape(d.need.text)}</strong> (from "
            f"&ldquo;{escape(d.need.choice_label)}&rdquo;), "
            f"{profile_link(d.winner, d.winner_name)} would win.</li>"
        )
    return mark_safe("\n    ".join(items))


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
            f'<li>\n  <span class="rank-name">{profile_link(r.slug, r.name)}</span>\n'
            '  <svg class="rank-bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
            'aria-hidden="true" focusable="false"><rect class="track" width="100" height="10" '
            f'rx="2"/><rect class="fill{winner}" width="{fixed(r.score, 1)}" height="10" rx="2"/>'
            f'</svg>\n  <span class="rank-score">{fixed(r.score, 0)}<span class="visually-hidden">'
            f" out of 100</span></span>{unmet}\n</li>"
        )
    return mark_safe("\n".join(items))


def _contribution_row(c, linked: bool = False) -> str:
    name = escape(c.name)
    if linked:
        name = f'<a href="{escape(criterion_url(c.criterion))}">{name}</a>'
    return (
        f'<tr><th scope="row">{name}</th><td class="num">{c.share_percent:d} %</td>'
        f'<td class="num">{c.value:d}/5</td><td class="num">{fixed(c.points, 1)}</td></tr>'
    )


@register.simple_tag
def contribution_tables(ranking) -> SafeString:
    """A closed ``<details>`` per framework with the points from each criterion.

    Each distinct contribution (``shared_contributions``: at most 17 × 6 of the
    306 rows of 18 frameworks) is made into a row once.
    """
    built: dict[int, str] = {}
    tables = []
    for r, contributions in zip(ranking, shared_contributions(ranking), strict=True):
        parts = []
        for c in contributions:
            text = built.get(id(c))
            if text is None:
                text = built[id(c)] = _contribution_row(c)
            parts.append(text)
        rows = "".join(parts)
        name = escape(r.name)
        excluded = " (excluded)" if r.excluded else ""
        tables.append(
            f'<details class="contributions">\n  <summary>{name}: {fixed(r.score, 1)} out of 100'
            f'{excluded}</summary>\n  <table class="table table-sm why-table">\n    <caption>'
            f"{name}: points from each criterion</caption>\n    <thead><tr>"
            '<th scope="col">Criterion</th><th scope="col" class="num">Share of the weight</th>'
            '<th scope="col" class="num">Score</th><th scope="col" class="num">Points</th>'
            f"</tr></thead>\n    <tbody>\n      {rows}\n"
            "    </tbody>\n  </table>\n</details>"
        )
    return mark_safe("\n".join(tables))

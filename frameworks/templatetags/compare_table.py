"""The body of a comparison's score table, built in Python.

A 4-way comparison has 17 rows of 4 cells in 7 groups. Through template loops
each row and cell cost several lookups and node renders, most of the page;
here each is an f-string around escaped text, and the notes' Markdown is
rendered once per text (``frameworks.rendering``). Each cell is then kept for
the content version (``pagecache.fragments``): a cell is the same in every
comparison that shows that framework, and random comparisons of 18 frameworks
share nearly all of theirs, so a new comparison only lays out cells it has.
"""

from functools import lru_cache

from django import template
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

from frameworks.rendering import render_markdown
from frameworks.templatetags.catalogue import profile_link, score_badge, source_link
from pagecache.fragments import get_or_render_each

register = template.Library()

BEST_MARK = (
    ' <span class="best-mark" title="Highest in this {}">&#9733;'
    '<span class="visually-hidden"> highest</span></span>'
)


def _cell(cell, criterion, show_notes: bool) -> str:
    """One score with the note behind it ("Why"), its source and review date."""
    name = escape(cell.framework.name)
    best = "best" if cell.best else ""
    mark = BEST_MARK.format("row") if cell.best else ""
    details = ""
    if cell.note or cell.source_url:
        note = f'<div class="cell-note">{render_markdown(cell.note)}</div>' if cell.note else ""
        details = (
            f'\n<details class="cell-details"{" open" if show_notes else ""}>\n'
            f'<summary>Why<span class="visually-hidden">: {name} on {escape(criterion.name)}'
            f"</span></summary>\n{note}\n"
            f'<div class="cell-source">{source_link(cell.source_url, cell.last_reviewed)}</div>'
            "\n</details>"
        )
    return (
        f'<td class="{best}"><div class="cell-body">\n<div class="cell-score">'
        f'<span class="cell-fw">{name}</span> {score_badge(cell.value)}{mark}</div>'
        f"{details}\n</div></td>"
    )


@lru_cache(maxsize=4096)
def _subtotal_cell(name: str, value: int, maximum: int, best: bool) -> str:
    return (
        f'<td class="{"best" if best else ""}"><span class="cell-fw">{escape(name)}</span> '
        f'<strong>{value:d}</strong><span class="visually-hidden"> out of {maximum:d}</span>'
        f"{BEST_MARK.format('category') if best else ''}</td>"
    )


def _subtotal(subtotal, maximum: int) -> str:
    """A framework's total in a category: a pure function of its name and numbers."""
    return _subtotal_cell(subtotal.framework.name, subtotal.value, maximum, subtotal.best)


def _row_head(criterion) -> str:
    return (
        f'<tr class="criterion-row">\n<th scope="row"><a href="'
        f'{escape(criterion.get_absolute_url())}">{escape(criterion.name)}</a></th>'
    )


@register.simple_tag
def compare_groups(groups, frameworks, show_notes: bool) -> SafeString:
    """One ``<tbody>`` per category: its rows, then each framework's subtotal."""
    columns = len(frameworks) + 1
    if not groups:
        return mark_safe(
            f'<tbody><tr><td colspan="{columns}">They score the same on every criterion.'
            "</td></tr></tbody>"
        )
    cells = [(cell, row.criterion) for group in groups for row in group.rows for cell in row.cells]
    built = iter(
        get_or_render_each(
            [("compare-cell", c.framework.id, k.id, c.best, show_notes) for c, k in cells],
            lambda i: _cell(*cells[i], show_notes),
        )
    )
    criteria = [row.criterion for group in groups for row in group.rows]
    heads = iter(
        get_or_render_each(
            [("compare-row-head", criterion.id) for criterion in criteria],
            lambda i: _row_head(criteria[i]),
        )
    )
    parts = []
    for group in groups:
        category = escape(group.category)
        parts.append(
            f'<tbody class="category-group">\n<tr class="category-row"><th scope="colgroup" '
            f'colspan="{columns}">{category}</th></tr>'
        )
        for row in group.rows:
            parts.append(next(heads))
            parts.extend(next(built) for _ in row.cells)
            parts.append("</tr>")
        parts.append(
            f'<tr class="subtotal-row">\n<th scope="row">{category} subtotal '
            f'<span class="out-of">out of {group.maximum:d}</span></th>'
        )
        parts.extend(_subtotal(subtotal, group.maximum) for subtotal in group.subtotals)
        parts.append("</tr>\n</tbody>")
    return mark_safe("\n".join(parts))


def _links(frameworks) -> list[SafeString]:
    """Each framework's name, linked to its profile: one URL reversal per content version."""
    return get_or_render_each(
        [("framework-link", fw.id) for fw in frameworks],
        lambda i: profile_link(frameworks[i].slug, frameworks[i].name),
    )


@register.simple_tag
def column_heads(frameworks, swatch: bool = False) -> SafeString:
    """A comparison table's column headings: each framework, with its chart colour
    when ``swatch``."""
    heads = []
    for series, link in enumerate(_links(frameworks)):
        mark = (
            f'<svg class="swatch" width="12" height="12" aria-hidden="true" focusable="false">'
            f'<rect class="series-{series}" width="12" height="12" rx="2"/></svg> '
            if swatch
            else ""
        )
        heads.append(f'<th scope="col">{mark}{link}</th>')
    return mark_safe("".join(heads))


@register.simple_tag
def chart_legend(frameworks) -> SafeString:
    return mark_safe(
        "".join(
            f'<li><svg width="14" height="14" aria-hidden="true" focusable="false"><rect '
            f'class="series-{series}" width="14" height="14" rx="2"/></svg> {escape(fw.name)}</li>'
            for series, fw in enumerate(frameworks)
        )
    )


@register.simple_tag
def versus(frameworks, heading: bool = False) -> SafeString:
    """ "Django vs Flask vs FastAPI", for the title, or for the page's heading."""
    return names(frameworks, mark_safe(' <span class="vs">vs</span> ') if heading else " vs ")


@register.simple_tag
def names(frameworks, joiner: str = ", ") -> SafeString:
    return mark_safe(conditional_escape(joiner).join(escape(fw.name) for fw in frameworks))


@register.simple_tag
def comparison_summary(table) -> SafeString:
    """ "In short": for each framework, the criteria it leads on and its strongest categories."""
    total = len(table.rows)
    items = []
    for leader, link in zip(
        table.leaders, _links([leader.framework for leader in table.leaders]), strict=True
    ):
        detail = ""
        if leader.tops:
            if leader.alone == leader.tops:
                detail = " (alone on all of them)"
            elif leader.alone:
                detail = f" (alone on {leader.alone})"
            else:
                detail = " (tied on all of them)"
        strongest = (
            "; strongest in " + ", ".join(escape(c) for c in leader.strongest)
            if leader.strongest
            else ""
        )
        items.append(
            f"<li><strong>{link}</strong> scores highest or ties on {leader.tops} of {total} "
            f"criteria{detail}{strongest}.</li>"
        )
    if table.ties:
        word = "criterion" if table.ties == 1 else "criteria"
        items.append(f"<li>{table.ties} {word} end in a tie for first place.</li>")
    return mark_safe("\n    ".join(items))


@register.simple_tag
def score_chart(chart, frameworks, variant: str) -> SafeString:
    """A grouped bar chart of a comparison's scores: ``variant`` "wide" has the labels
    beside the bars, "stacked" above them, for phones; CSS shows one of the two."""
    variant = escape(variant)
    return mark_safe(
        f'<svg class="chart chart-{variant}" viewBox="0 0 {chart.width:d} {chart.height:d}" '
        f'role="img" aria-labelledby="chart-title-{variant}">\n  <title id="chart-title-{variant}">'
        f"Bar chart of every criterion's score, 0 to 5, for {names(frameworks)}</title>\n"
        f"  {chart.body_svg}\n</svg>"
    )

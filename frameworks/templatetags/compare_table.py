"""The body of a comparison's score table, built in Python.

A 4-way comparison has 17 rows of 4 cells in 7 groups. Through template loops
each row and cell cost several lookups and node renders, most of the page;
here each is an f-string around escaped text, and the notes' Markdown is
rendered once per text (``frameworks.rendering``). A cell costs about as
little the first time after an edit as any time after, which reusing rendered
cells (``pagecache.fragments``) could not give: an edit drops them all.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from frameworks.rendering import render_markdown
from frameworks.templatetags.catalogue import score_badge, source_link

register = template.Library()

BEST_MARK = (
    ' <span class="best-mark" title="Highest in this {}">★'
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


@register.simple_tag
def compare_groups(groups, frameworks, show_notes: bool) -> SafeString:
    """One ``<tbody>`` per category: its rows, then each framework's subtotal."""
    columns = len(frameworks) + 1
    if not groups:
        return mark_safe(
            f'<tbody><tr><td colspan="{columns}">They score the same on every criterion.'
            "</td></tr></tbody>"
        )
    parts = []
    for group in groups:
        category = escape(group.category)
        parts.append(
            f'<tbody class="category-group">\n<tr class="category-row"><th scope="colgroup" '
            f'colspan="{columns}">{category}</th></tr>'
        )
        for row in group.rows:
            criterion = row.criterion
            parts.append(
                f'<tr class="criterion-row">\n<th scope="row"><a href="'
                f'{escape(criterion.get_absolute_url())}">{escape(criterion.name)}</a></th>'
            )
            parts.extend(_cell(cell, criterion, show_notes) for cell in row.cells)
            parts.append("</tr>")
        parts.append(
            f'<tr class="subtotal-row">\n<th scope="row">{category} subtotal '
            f'<span class="out-of">out of {group.maximum:d}</span></th>'
        )
        for subtotal in group.subtotals:
            parts.append(
                f'<td class="{"best" if subtotal.best else ""}"><span class="cell-fw">'
                f"{escape(subtotal.framework.name)}</span> <strong>{subtotal.value:d}</strong>"
                f'<span class="visually-hidden"> out of {group.maximum:d}</span>'
                f"{BEST_MARK.format('category') if subtotal.best else ''}</td>"
            )
        parts.append("</tr>\n</tbody>")
    return mark_safe("\n".join(parts))

"""The body of a comparison's score table, built in Python.

A 4-way comparison has 17 rows of 4 cells in 7 groups. Through template loops
each row and cell cost several lookups and node renders, a third of the page;
here the rows are strings joined once. Each cell (its score, note, source and
review date) is rendered from ``includes/_compare_cell.html`` once per content
version in a worker and reused by every comparison that shows it
(``pagecache.fragments``); what is built here is the markup around them, with
every text escaped.
"""

from django import template
from django.template.loader import get_template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from pagecache.fragments import get_or_render

register = template.Library()

BEST_MARK = (
    ' <span class="best-mark" title="Highest in this {}">★'
    '<span class="visually-hidden"> highest</span></span>'
)


def _cell(cell, criterion, show_notes: bool) -> str:
    def render() -> str:
        context = {"cell": cell, "row": {"criterion": criterion}, "show_notes": show_notes}
        return get_template("includes/_compare_cell.html").render(context).strip()

    key = ("compare-cell", cell.framework.pk, criterion.pk, cell.best, show_notes)
    return get_or_render(key, render)


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

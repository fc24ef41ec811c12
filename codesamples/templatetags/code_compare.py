"""Code samples in Python: one task's code for one framework, and the rows of a
comparison's "Code, task by task" table.

Seven tasks by up to four frameworks: as template loops and includes they cost
more than anything else on a comparison, on a profile too, and most on the
first render after an edit. Here each is an f-string: every text escaped, and
each file's HTML the Pygments output stored at import, which escapes every
character of the source.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from pagecache.fragments import get_or_render_each

register = template.Library()


@register.simple_tag
def code_sample(sample, name: str) -> SafeString:
    """Its files, highlighted, or why the framework cannot do the task; then its note."""
    if sample.unsupported:
        parts = [
            '<p class="code-unsupported"><strong>Not supported</strong> — '
            f"{escape(sample.unsupported)}</p>"
        ]
    else:
        label = escape(name)
        parts = [
            f'<figure class="code-file">\n  <figcaption><code>{escape(file["path"])}</code>'
            '</figcaption>\n  <div class="code-scroll" tabindex="0" role="region" '
            f'aria-label="{label}: {escape(file["path"])}">{file["html"]}</div>\n</figure>'
            for file in sample.files
        ]
        if sample.outcome and sample.outcome != "passed":
            parts.append(
                '<p class="code-failed small">Its tests did not pass in the last run '
                f"({escape(sample.outcome)}).</p>"
            )
    if sample.note:
        parts.append(f'<p class="small code-note">{escape(sample.note)}</p>')
    return mark_safe("\n".join(parts))


@register.simple_tag
def code_rows(rows) -> SafeString:
    """Tasks as rows, a cell per framework; each cell is the same in every
    comparison that shows it, so it is built once per content version."""
    cells = [(row, framework, sample) for row in rows for framework, sample in row.cells]
    built = iter(
        get_or_render_each(
            [("code-cell", framework.id, row.task) for row, framework, _ in cells],
            lambda i: _code_cell(*cells[i]),
        )
    )
    parts = []
    for row in rows:
        parts.append(f'<tr>\n<th scope="row" class="code-task-col">{escape(row.label)}</th>')
        parts.extend(next(built) for _ in row.cells)
        parts.append("</tr>")
    return mark_safe("\n".join(parts))


def _code_cell(row, framework, sample) -> str:
    body = code_sample(sample, framework.name) if sample else "<p>No sample yet.</p>"
    return (
        f'<td>\n<p class="code-cell-label">{escape(framework.name)}: {escape(row.label)}</p>\n'
        f"{body}\n</td>"
    )


@register.simple_tag
def code_heads(columns) -> SafeString:
    """Each framework's column heading: its name and the run its samples passed."""
    return mark_safe(
        "".join(
            get_or_render_each(
                [("code-head", column.framework.id) for column in columns],
                lambda i: _code_head(columns[i]),
            )
        )
    )


def _code_head(column) -> str:
    fw, tested = column.framework, column.tested
    anchor = "#code-heading" if tested else ""
    run = (
        render_to_string("includes/_code_tested.html", {"sample": tested, "name": fw.name})
        if tested
        else "No samples yet"
    )
    return (
        f'<th scope="col"><a href="{escape(fw.get_absolute_url())}{anchor}">{escape(fw.name)}</a>'
        f'<span class="code-tested">{run}</span></th>'
    )

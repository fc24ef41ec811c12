"""Code samples in Python: one task's code for one framework, and the rows of a
comparison's "Code, task by task" table.

Seven tasks by up to four frameworks: as template loops and includes they cost
more than anything else on a comparison, on a profile too, and most on the
first render after an edit. Here each is an f-string: every text escaped, and
each file's HTML the Pygments output stored at import, which escapes every
character of the source.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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
    parts = []
    for row in rows:
        label = escape(row.label)
        parts.append(f'<tr>\n<th scope="row" class="code-task-col">{label}</th>')
        for framework, sample in row.cells:
            body = code_sample(sample, framework.name) if sample else "<p>No sample yet.</p>"
            parts.append(
                f'<td>\n<p class="code-cell-label">{escape(framework.name)}: {label}</p>\n'
                f"{body}\n</td>"
            )
        parts.append("</tr>")
    return mark_safe("\n".join(parts))

"""The rows of a comparison's "Code, task by task" table, built in Python.

Seven tasks by up to four frameworks: the loops around the samples cost more
than the samples, which are rendered from ``includes/_code_sample.html`` once per
content version in a worker (``pagecache.fragments``, under the same name as on
a profile, so a profile and every comparison share them).
"""

from django import template
from django.template.loader import get_template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from pagecache.fragments import get_or_render

register = template.Library()


def sample_html(framework, sample) -> str:
    def render() -> str:
        context = {"sample": sample, "name": framework.name}
        return get_template("includes/_code_sample.html").render(context)

    key = ("code-sample", ("Framework", framework.pk), ("CodeSample", sample.pk))
    return get_or_render(key, render)


@register.simple_tag
def code_rows(rows) -> SafeString:
    parts = []
    for row in rows:
        label = escape(row.label)
        parts.append(f'<tr>\n<th scope="row" class="code-task-col">{label}</th>')
        for framework, sample in row.cells:
            body = sample_html(framework, sample) if sample else "<p>No sample yet.</p>"
            parts.append(
                f'<td>\n<p class="code-cell-label">{escape(framework.name)}: {label}</p>\n'
                f"{body}\n</td>"
            )
        parts.append("</tr>")
    return mark_safe("\n".join(parts))

"""The verdict page's every-framework contribution tables, built in Python.

A verdict lists every framework's points from every criterion: 306 rows for 18
frameworks, 850 for 50. Through the template engine each row cost a loop
iteration, four variable lookups and a ``floatformat``, the biggest part of
rendering a unique verdict; here a row is one f-string. The text in them (the
criterion names) is escaped once per name, the numbers formatted as
``floatformat`` would (one decimal, halves rounded up).
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from frameworks.formatting import fixed

register = template.Library()


@register.simple_tag
def contribution_rows(contributions) -> SafeString:
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
    return mark_safe("".join(rows))

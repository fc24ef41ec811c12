"""The compare picker's checkboxes, one per published framework, built in Python.

The picker closes every comparison and opens the home page: 18 checkboxes
through a template loop cost more than the rest of a small page. Each box is
kept per content version (``pagecache.fragments``), ticked and not.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from pagecache.fragments import get_or_render_each

register = template.Library()


@register.simple_tag
def picker_boxes(frameworks, selected, prefix: str) -> SafeString:
    frameworks = list(frameworks)
    chosen = set(selected or ())
    ticks = [fw.slug in chosen for fw in frameworks]
    boxes = get_or_render_each(
        [("picker-box", prefix, fw.id, tick) for fw, tick in zip(frameworks, ticks, strict=True)],
        lambda i: _box(frameworks[i], prefix, ticks[i]),
    )
    return mark_safe("".join(boxes))


def _box(fw, prefix: str, checked: bool) -> str:
    slug, box = escape(fw.slug), escape(f"pick-{prefix}-{fw.slug}")
    return (
        '\n      <div class="form-check">\n        <input class="form-check-input" '
        f'type="checkbox" name="f" value="{slug}" id="{box}"{" checked" if checked else ""}>\n'
        f'        <label class="form-check-label" for="{box}">{escape(fw.name)}</label>\n'
        "      </div>\n      "
    )

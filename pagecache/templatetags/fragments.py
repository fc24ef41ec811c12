"""``{% fragment "name" part… %}…{% endfragment %}``: a piece rendered once per content version.

The name and parts must together say everything the body reads (see
``pagecache.fragments``); the body is rendered with the page's context the first
time and reused, in this worker, until the content version or the day moves on.
"""

from django import template

from pagecache.fragments import get_or_render

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, parts, nodelist) -> None:
        self.name = name
        self.parts = parts
        self.nodelist = nodelist

    def render(self, context) -> str:
        key = (self.name.resolve(context), *(_hashable(p.resolve(context)) for p in self.parts))
        return get_or_render(key, lambda: self.nodelist.render(context))


def _hashable(value):
    # Model instances and the like would key on identity; their primary key says which row.
    if isinstance(value, str | int | float | bool | type(None)):
        return value
    if hasattr(value, "pk"):
        return (type(value).__name__, value.pk)
    raise template.TemplateSyntaxError(
        f"{{% fragment %}} parts must be plain values or rows, not {type(value).__name__}"
    )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name, *parts = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(name, parts, nodelist)

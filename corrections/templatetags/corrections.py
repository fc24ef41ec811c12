from django import template

from corrections.models import Suggestion

register = template.Library()


@register.simple_tag
def pending_suggestion_count() -> int:
    return Suggestion.objects.pending().count()

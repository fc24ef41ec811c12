from django import template

from frameworks.models import Score

register = template.Library()


@register.simple_tag
def due_for_review_count() -> int:
    return Score.objects.due_for_review().count()


@register.filter
def minutes(delta) -> int:
    return round(delta.total_seconds() / 60)

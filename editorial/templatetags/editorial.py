from django import template

from frameworks.models import Score
from releases.queries import disagreeing_framework_ids

register = template.Library()


@register.simple_tag
def due_for_review_count() -> int:
    return Score.objects.due_for_review().count()


@register.simple_tag
def index_disagreement_count() -> int:
    """Frameworks whose hand-kept facts the newest sync from the package index contradicts."""
    return len(disagreeing_framework_ids())


@register.filter
def minutes(delta) -> int:
    return round(delta.total_seconds() / 60)

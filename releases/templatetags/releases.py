import datetime

from django import template
from django.conf import settings
from django.utils import timezone

from releases import chart, facts

register = template.Library()


@register.filter
def quarter_chart(snapshot):
    return chart.quarter_chart(snapshot.releases_per_quarter) if snapshot else None


@register.filter
def sync_is_stale(snapshot) -> bool:
    """Synced longer ago than RELEASES_STALE_AFTER_DAYS."""
    if snapshot is None:
        return False
    age = timezone.now() - snapshot.synced_at
    return age > datetime.timedelta(days=settings.RELEASES_STALE_AFTER_DAYS)


@register.simple_tag
def maintenance_rule() -> str:
    return facts.MAINTENANCE_RULE


@register.simple_tag
def stale_after_days() -> int:
    return settings.RELEASES_STALE_AFTER_DAYS

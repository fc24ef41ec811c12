"""Small public helpers over the synced release facts, for other apps and checks."""

from __future__ import annotations

from releases.models import ReleaseSnapshot


def latest_synced_versions() -> dict[str, str]:
    """framework slug -> the latest version from its newest snapshot (frameworks never synced
    are absent). One query."""
    rows = ReleaseSnapshot.objects.latest_per_framework().values_list(
        "framework__slug", "latest_version"
    )
    return dict(rows)

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


def disagreeing_framework_ids() -> list[int]:
    """Frameworks whose newest snapshot contradicts an editor's latest version or license.

    Two queries, whatever the size of the catalogue.
    """
    from frameworks.models import Framework
    from releases.disagreements import disagreements

    frameworks = Framework.objects.with_latest_release().only("pk", "latest_version", "license")
    return [fw.pk for fw in frameworks if disagreements(fw, fw.latest_release)]

"""Dated snapshots of each framework's release facts, as the package index gave them.

One row per framework per successful sync: the newest row is what pages show,
the older rows are the history of the figures. A failed sync writes nothing,
so the last good row stays the one shown.
"""

from django.db import models
from django.db.models import OuterRef, Subquery

from frameworks.models import Framework


class MaintenanceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    SLOWING = "slowing", "Slowing"
    DORMANT = "dormant", "Dormant"


class ReleaseSnapshotQuerySet(models.QuerySet):
    def latest_per_framework(self):
        """Each framework's newest snapshot, in one query (a correlated subquery)."""
        newest = (
            ReleaseSnapshot.objects.filter(framework=OuterRef("framework"))
            .order_by("-synced_at", "-pk")
            .values("pk")[:1]
        )
        return self.filter(pk=Subquery(newest))


class ReleaseSnapshot(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="release_snapshots"
    )
    synced_at = models.DateTimeField(db_index=True)
    package = models.CharField(
        max_length=100, help_text="The project's name as the index spells it."
    )
    latest_version = models.CharField(
        max_length=40, help_text="The newest release that is neither a pre-release nor yanked."
    )
    latest_release_date = models.DateField(null=True)
    first_release_date = models.DateField(null=True)
    last_release_date = models.DateField(
        null=True, help_text="The newest release of any kind that is not yanked."
    )
    releases_last_12_months = models.PositiveIntegerField(default=0)
    days_since_last_release = models.PositiveIntegerField(null=True)
    maintenance_status = models.CharField(max_length=10, choices=MaintenanceStatus.choices)
    requires_python = models.CharField(max_length=200, blank=True)
    python_versions = models.JSONField(
        default=list, blank=True, help_text="From the latest release's classifiers."
    )
    license_expression = models.CharField(max_length=200, blank=True)
    open_advisories = models.JSONField(
        default=list, blank=True, help_text="Advisories the index lists for the latest release."
    )
    fixed_advisories = models.JSONField(
        default=list, blank=True, help_text="Advisories fixed by a release of the last 24 months."
    )
    advisory_history_complete = models.BooleanField(
        default=False,
        help_text="Whether every release of the last 24 months could be checked for advisories.",
    )
    yanked_releases = models.JSONField(default=list, blank=True)
    releases_per_quarter = models.JSONField(
        default=list, blank=True, help_text="[quarter label, releases] for the last 12 quarters."
    )

    objects = ReleaseSnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-synced_at", "-pk"]
        indexes = [models.Index(fields=["framework", "-synced_at"], name="snapshot_newest_first")]
        get_latest_by = "synced_at"

    def __str__(self) -> str:
        return f"{self.package} {self.latest_version} (synced {self.synced_at:%Y-%m-%d %H:%M})"

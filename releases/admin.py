from django.contrib import admin

from editorial.inlines import ReadOnlyAdminMixin
from releases.models import ReleaseSnapshot


@admin.register(ReleaseSnapshot)
class ReleaseSnapshotAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Snapshots are written by `manage.py sync_releases` only: editors read them here."""

    list_display = (
        "framework",
        "latest_version",
        "latest_release_date",
        "releases_last_12_months",
        "maintenance_status",
        "open_advisory_count",
        "synced_at",
    )
    list_filter = ("maintenance_status", "framework")
    list_select_related = ("framework",)
    date_hierarchy = "synced_at"

    @admin.display(description="open advisories")
    def open_advisory_count(self, obj):
        return len(obj.open_advisories)

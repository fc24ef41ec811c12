"""A snapshot as plain JSON, for /api/catalogue.json."""

from __future__ import annotations

SOURCE = "the Python Package Index (JSON API)"


def _day(value) -> str | None:
    return value.isoformat() if value else None


def release_facts_json(snapshot) -> dict | None:
    """The synced release facts with their source and sync time; None if never synced."""
    if snapshot is None:
        return None
    return {
        "source": SOURCE,
        "synced_at": snapshot.synced_at.isoformat(),
        "package": snapshot.package,
        "latest_version": snapshot.latest_version,
        "latest_release_date": _day(snapshot.latest_release_date),
        "first_release_date": _day(snapshot.first_release_date),
        "last_release_date": _day(snapshot.last_release_date),
        "releases_last_12_months": snapshot.releases_last_12_months,
        "days_since_last_release": snapshot.days_since_last_release,
        "maintenance_status": snapshot.maintenance_status,
        "requires_python": snapshot.requires_python,
        "python_versions": snapshot.python_versions,
        "license_expression": snapshot.license_expression,
        "open_advisories": snapshot.open_advisories,
        "fixed_advisories_last_24_months": snapshot.fixed_advisories,
        "advisory_history_complete": snapshot.advisory_history_complete,
        "yanked_releases": snapshot.yanked_releases,
        "releases_per_quarter": snapshot.releases_per_quarter,
    }

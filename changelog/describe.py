"""Say in words what one version of a row changed. Pure functions over plain mappings."""

from collections.abc import Mapping

CREATED, CHANGED, DELETED = "+", "~", "-"

# Framework fields a reader sees, and how a change to each is told.
REWRITTEN = {"tagline": "Tagline rewritten", "description": "Description rewritten"}
FACTS = {
    "name": "Name",
    "kind": "Kind",
    "first_release_year": "First release",
    "license": "License",
    "latest_version": "Latest version",
}
LINKS = {
    "first_release_source": "Source for the first release",
    "license_source": "Source for the license",
    "latest_version_source": "Source for the latest version",
    "project_url": "Website",
    "docs_url": "Documentation link",
    "repository_url": "Repository link",
}


def describe_score(old: Mapping | None, new: Mapping, history_type: str) -> tuple[str, ...]:
    """Phrases for a score's version, most important first; empty when nothing shown changed."""
    if history_type == CREATED or old is None:
        return (f"Scored {new['value']} out of 5",)
    if history_type == DELETED:
        return ("Score removed",)
    phrases = []
    if old["value"] != new["value"]:
        phrases.append(f"Score moved from {old['value']} to {new['value']}")
    if old["note"] != new["note"]:
        phrases.append("Note rewritten")
    if old["source_url"] != new["source_url"]:
        phrases.append("Source changed")
    if not phrases and old["last_reviewed"] != new["last_reviewed"]:
        phrases.append(f"Evidence reviewed on {new['last_reviewed']:%d %b %Y}, score unchanged")
    return tuple(phrases)


def describe_framework(old: Mapping | None, new: Mapping, history_type: str) -> tuple[str, ...]:
    if history_type == CREATED or old is None:
        return ("Framework added",)
    if history_type == DELETED:
        return ("Framework removed",)
    phrases = []
    if not old["is_published"] and new["is_published"]:
        phrases.append("Published")
    for field, label in FACTS.items():
        if old[field] != new[field]:
            before, after = old[field] or "none", new[field] or "none"
            phrases.append(f"{label} changed from {before} to {after}")
    phrases += [label for field, label in REWRITTEN.items() if old[field] != new[field]]
    phrases += [f"{label} changed" for field, label in LINKS.items() if old[field] != new[field]]
    return tuple(phrases)

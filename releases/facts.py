"""Release facts from the package index's JSON answers: pure functions, no I/O.

``project_facts`` turns the answer for a project (``info``, ``releases``,
``vulnerabilities``) into a ``ReleaseFacts``; anything missing, malformed or
absurd raises ``BadAnswer`` with a sentence saying what, so that the sync can
report it and keep the last good figures.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from packaging.version import InvalidVersion, Version

# The maintenance rule, in numbers and in the words the profile page shows.
ACTIVE_WITHIN_DAYS = 183
ACTIVE_MIN_RELEASES_12_MONTHS = 2
DORMANT_AFTER_DAYS = 548
MAINTENANCE_RULE = (
    "Active: a release in the last 6 months and at least 2 releases in the last 12. "
    "Dormant: no release for 18 months or more. Slowing: anything in between. "
    "Every release counts, pre-releases included, except yanked ones."
)
ADVISORY_WINDOW_DAYS = 730  # "fixed in the last 24 months"
QUARTERS_SHOWN = 12  # three years
# No Python package predates the language's first public release.
EARLIEST_PLAUSIBLE = datetime.date(1991, 1, 1)
MAX_VERSION_LENGTH = 40
PYTHON_CLASSIFIER = re.compile(r"Programming Language :: Python :: (\d+\.\d+)")
LICENSE_CLASSIFIER = re.compile(r"License :: (?:OSI Approved :: )?(.+)")


class BadAnswer(ValueError):
    """The index answered, but not with figures that can be trusted."""


@dataclass(frozen=True, slots=True)
class Release:
    version: str
    parsed: Version
    uploaded: datetime.datetime
    yanked: bool = False
    yanked_reason: str = ""

    @property
    def day(self) -> datetime.date:
        return self.uploaded.date()


@dataclass(frozen=True, slots=True)
class Advisory:
    id: str
    aliases: tuple[str, ...] = ()
    fixed_in: tuple[str, ...] = ()
    link: str = ""
    summary: str = ""

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "aliases": list(self.aliases),
            "fixed_in": list(self.fixed_in),
            "link": self.link,
            "summary": self.summary,
        }


@dataclass(frozen=True, slots=True)
class ReleaseFacts:
    package: str
    latest_version: str
    latest_release_date: datetime.date
    first_release_date: datetime.date
    last_release_date: datetime.date
    releases_last_12_months: int
    days_since_last_release: int
    maintenance_status: str
    requires_python: str
    python_versions: tuple[str, ...]
    license_expression: str
    open_advisories: tuple[Advisory, ...]
    yanked_releases: tuple[tuple[str, str], ...]
    releases_per_quarter: tuple[tuple[str, int], ...]
    releases: tuple[Release, ...] = field(default=(), repr=False)


def maintenance_status(releases_last_12_months: int, days_since_last_release: int) -> str:
    """active / slowing / dormant, by MAINTENANCE_RULE."""
    if days_since_last_release >= DORMANT_AFTER_DAYS:
        return "dormant"
    if (
        days_since_last_release < ACTIVE_WITHIN_DAYS
        and releases_last_12_months >= ACTIVE_MIN_RELEASES_12_MONTHS
    ):
        return "active"
    return "slowing"


def _parse_time(value: object, version: str) -> datetime.datetime:
    if not isinstance(value, str):
        raise BadAnswer(f"release {version} has no upload time")
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadAnswer(f"release {version} has an unreadable upload time {value!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC)


def parse_releases(releases: object, now: datetime.datetime) -> list[Release]:
    """Releases with at least one file, oldest first.

    A release's date is its first upload; it is yanked when every file is.
    Versions that are not PEP 440 (some very old uploads) are left out.
    """
    if not isinstance(releases, Mapping):
        raise BadAnswer("the answer has no 'releases' table")
    parsed = []
    for version, files in releases.items():
        if not isinstance(files, list):
            raise BadAnswer(f"release {version} is not a list of files")
        if not files:
            continue  # registered, but nothing was ever uploaded
        if not isinstance(version, str) or len(version) > MAX_VERSION_LENGTH:
            raise BadAnswer(f"a release has an absurd version {str(version)[:60]!r}")
        try:
            number = Version(version)
        except InvalidVersion:
            continue
        if not all(isinstance(f, Mapping) for f in files):
            raise BadAnswer(f"release {version} lists a file that is not an object")
        uploaded = min(_parse_time(f.get("upload_time_iso_8601"), version) for f in files)
        if uploaded.date() < EARLIEST_PLAUSIBLE:
            raise BadAnswer(f"release {version} is dated {uploaded:%Y-%m-%d}, before Python")
        if uploaded > now + datetime.timedelta(days=1):
            raise BadAnswer(f"release {version} is dated {uploaded:%Y-%m-%d}, in the future")
        yanked = all(f.get("yanked") is True for f in files)
        reason = next((str(f.get("yanked_reason") or "") for f in files if f.get("yanked")), "")
        parsed.append(Release(version, number, uploaded, yanked, reason if yanked else ""))
    if not parsed:
        raise BadAnswer("the index lists no release with files")
    return sorted(parsed, key=lambda r: (r.uploaded, r.parsed))


def latest_release(releases: Iterable[Release]) -> Release:
    """The newest release that is neither a pre-release nor yanked (by version, not date)."""
    kept = [r for r in releases if not r.yanked]
    if not kept:
        raise BadAnswer("every release is yanked")
    finals = [r for r in kept if not (r.parsed.is_prerelease or r.parsed.is_devrelease)]
    return max(finals or kept, key=lambda r: r.parsed)


def quarter_label(day: datetime.date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def releases_per_quarter(
    releases: Iterable[Release], today: datetime.date, count: int = QUARTERS_SHOWN
) -> tuple[tuple[str, int], ...]:
    """(label, releases) for the last `count` quarters, oldest first, this one included."""
    year, quarter = today.year, (today.month - 1) // 3
    labels = []
    for _ in range(count):
        labels.append(f"{year} Q{quarter + 1}")
        quarter -= 1
        if quarter < 0:
            year, quarter = year - 1, 3
    labels.reverse()
    counts = dict.fromkeys(labels, 0)
    for release in releases:
        label = quarter_label(release.day)
        if label in counts and not release.yanked:
            counts[label] += 1
    return tuple(counts.items())


def parse_advisories(items: object) -> tuple[Advisory, ...]:
    """The index's advisories (from OSV), withdrawn ones left out."""
    if items is None:
        return ()
    if not isinstance(items, list):
        raise BadAnswer("'vulnerabilities' is not a list")
    advisories = []
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            raise BadAnswer("an advisory has no id")
        if item.get("withdrawn"):
            continue
        aliases = item.get("aliases") or []
        fixed_in = item.get("fixed_in") or []
        if not isinstance(aliases, list) or not isinstance(fixed_in, list):
            raise BadAnswer(f"advisory {item['id']} has malformed aliases or fixed-in versions")
        advisories.append(
            Advisory(
                id=item["id"],
                aliases=tuple(str(a) for a in aliases),
                fixed_in=tuple(str(v) for v in fixed_in),
                link=str(item.get("link") or ""),
                summary=str(item.get("summary") or "")[:300],
            )
        )
    return tuple(sorted(advisories, key=lambda a: a.id))


def license_from(info: Mapping) -> str:
    """The license expression from the metadata; failing that, the license field or classifier."""
    expression = info.get("license_expression")
    if isinstance(expression, str) and expression.strip():
        return expression.strip()[:200]
    text = info.get("license")
    # Some projects paste the whole license text into this field.
    if (
        isinstance(text, str)
        and text.strip()
        and "\n" not in text.strip()
        and "://" not in text
        and len(text) <= 100
    ):
        return text.strip()
    for classifier in info.get("classifiers") or []:
        match = LICENSE_CLASSIFIER.fullmatch(str(classifier))
        if match:
            return match.group(1)[:200]
    return ""


def python_versions(classifiers: object) -> tuple[str, ...]:
    if not isinstance(classifiers, list):
        return ()
    found = {m.group(1) for c in classifiers if (m := PYTHON_CLASSIFIER.fullmatch(str(c)))}
    return tuple(sorted(found, key=lambda v: tuple(int(p) for p in v.split("."))))


def project_facts(answer: object, now: datetime.datetime) -> ReleaseFacts:
    """Every release fact the site shows, from the index's answer for one project."""
    if not isinstance(answer, Mapping):
        raise BadAnswer("the answer is not a JSON object")
    info = answer.get("info")
    if not isinstance(info, Mapping):
        raise BadAnswer("the answer has no 'info' table")
    name = info.get("name")
    if not isinstance(name, str) or not name:
        raise BadAnswer("the answer does not name the project")
    releases = parse_releases(answer.get("releases"), now)
    today = now.date()
    latest = latest_release(releases)
    kept = [r for r in releases if not r.yanked]
    last = max(kept, key=lambda r: r.uploaded)
    year_ago = today - datetime.timedelta(days=365)
    recent = sum(1 for r in kept if r.day > year_ago)
    days_since = max(0, (today - last.day).days)
    requires_python = info.get("requires_python") or ""
    if not isinstance(requires_python, str):
        raise BadAnswer("'requires_python' is not text")
    return ReleaseFacts(
        package=name[:100],
        latest_version=latest.version,
        latest_release_date=latest.day,
        first_release_date=releases[0].day,
        last_release_date=last.day,
        releases_last_12_months=recent,
        days_since_last_release=days_since,
        maintenance_status=maintenance_status(recent, days_since),
        requires_python=requires_python.strip()[:200],
        python_versions=python_versions(info.get("classifiers")),
        license_expression=license_from(info),
        open_advisories=parse_advisories(answer.get("vulnerabilities")),
        yanked_releases=tuple((r.version, r.yanked_reason) for r in releases if r.yanked),
        releases_per_quarter=releases_per_quarter(releases, today),
        releases=tuple(releases),
    )


def advisory_window(releases: Iterable[Release], today: datetime.date) -> list[Release]:
    """Releases whose advisories can show one fixed in the last 24 months, newest first.

    An advisory appears on the releases it affects, so the ones to read are the
    releases of the window plus the last one before it.
    """
    start = today - datetime.timedelta(days=ADVISORY_WINDOW_DAYS)
    kept = sorted((r for r in releases if not r.yanked), key=lambda r: r.uploaded, reverse=True)
    inside = [r for r in kept if r.day >= start]
    before = [r for r in kept if r.day < start][:1]
    return inside + before


def fixed_recently(
    per_release: Mapping[str, tuple[Advisory, ...]],
    releases: Iterable[Release],
    today: datetime.date,
) -> tuple[Advisory, ...]:
    """Advisories fixed by a release of the last 24 months, from the advisories per release."""
    start = today - datetime.timedelta(days=ADVISORY_WINDOW_DAYS)
    dates = {str(r.parsed): r.day for r in releases}
    found: dict[str, Advisory] = {}
    for advisories in per_release.values():
        for advisory in advisories:
            fixes = []
            for version in advisory.fixed_in:
                try:
                    fixes.append(dates.get(str(Version(version))))
                except InvalidVersion:
                    continue
            if any(day is not None and day >= start for day in fixes):
                found.setdefault(advisory.id, advisory)
    return tuple(sorted(found.values(), key=lambda a: a.id))

"""Checks that keep the catalogue's content honest (`manage.py check_content`).

Pure functions over plain dataclasses: the command builds them from the
database or from the seed TOML files, so the same rules judge both.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
from packaging.version import InvalidVersion, Version


@dataclass(frozen=True)
class ScoreFacts:
    criterion: str
    value: int
    note: str
    source_url: str


@dataclass(frozen=True)
class FrameworkFacts:
    slug: str
    name: str
    license: str
    package: str
    description: str = ""
    scores: tuple[ScoreFacts, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Problem:
    framework: str
    criterion: str  # "" for a problem with the framework's own facts
    message: str

    def __str__(self) -> str:
        where = f"{self.framework}/{self.criterion}" if self.criterion else self.framework
        return f"{where}: {self.message}"


# Path segments that only say which copy of a site is shown (language, version,
# "docs"): a URL made of nothing else is a site's or its documentation's front page.
_FRONT_PAGE_SEGMENT = re.compile(
    r"^(?:[a-z]{2}(?:[_-][a-zA-Z]{2})?|stable|latest|dev|main|master|current|docs?|"
    r"documentation|v?\d+(?:\.\d+)*(?:\.x|-branch)?|index\.html?)$"
)
_CODE_HOSTS = {"github.com", "gitlab.com", "codeberg.org", "bitbucket.org"}


def is_bare_home_page(url: str) -> bool:
    """True for a site's front page, its docs' front page, or a code host's
    organisation or repository front page: pages that prove no particular claim."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    if host in _CODE_HOSTS:
        return len(segments) <= 2
    if segments[:1] == ["projects"]:  # Read the Docs subprojects: /projects/<name>/…
        segments = segments[2:]
    return all(_FRONT_PAGE_SEGMENT.match(s) for s in segments)


def cited_versions(text: str, name: str) -> list[str]:
    """Version numbers the text states for this framework.

    Only numbers the wording ties to a release count ("Django 6.1", "version
    2.4", "release 0.13", "v25.12", "since 6.0", "3.0 added"), so that
    "Python 3.12" or "HTTP/1.1" in a note are not taken for the framework's own.
    """
    number = r"(\d+(?:\.\d+)+)"
    before = rf"(?:\b{re.escape(name)}|\bversions?|\breleases?|\bsince)\s+v?{number}|\bv{number}"
    after = rf"{number}\s+(?:added|adds|introduced|shipped|arrived|brought|release)\b"
    found = []
    for match in re.finditer(rf"{before}|{after}", text, flags=re.IGNORECASE):
        found.append(next(group for group in match.groups() if group))
    return found


def is_newer(cited: str, latest: str) -> bool:
    """True when `cited` is past `latest`, compared at the precision `latest` is
    written in (a latest of "3.1" covers "3.1.4")."""
    try:
        cited_release, latest_release = Version(cited).release, Version(latest).release
    except InvalidVersion:
        return False
    return cited_release[: len(latest_release)] > latest_release


def license_problem(expression: str) -> str | None:
    if not expression.strip():
        return "no license"
    try:
        canonicalize_license_expression(expression)
    except InvalidLicenseExpression:
        return f"license {expression!r} is not a valid SPDX expression"
    return None


def check_framework(framework: FrameworkFacts, latest_versions: Mapping[str, str]) -> list[Problem]:
    problems = []

    def problem(criterion: str, message: str) -> None:
        problems.append(Problem(framework.slug, criterion, message))

    if not framework.package.strip():
        problem("", "no package (its distribution name on the package index)")
    if message := license_problem(framework.license):
        problem("", message)
    latest = latest_versions.get(framework.slug, "")
    texts = [("", "description", framework.description)]
    texts += [(s.criterion, "note", s.note) for s in framework.scores]
    for criterion, what, text in texts:
        for version in cited_versions(text, framework.name):
            if latest and is_newer(version, latest):
                problem(criterion, f"{what} cites {version}, newer than the latest {latest}")
    for score in framework.scores:
        if not score.note.strip():
            problem(score.criterion, "score has no note")
        if not score.source_url.strip():
            problem(score.criterion, "score has no source")
        elif is_bare_home_page(score.source_url):
            problem(score.criterion, f"source {score.source_url} is a home page, not the page")
    return problems


def check_catalogue(
    frameworks: Iterable[FrameworkFacts], latest_versions: Mapping[str, str]
) -> list[Problem]:
    return [p for framework in frameworks for p in check_framework(framework, latest_versions)]

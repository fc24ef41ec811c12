"""Where the index disagrees with an editor's hand-kept fact: a pure comparison."""

from __future__ import annotations

from dataclasses import dataclass

from packaging.version import InvalidVersion, Version


@dataclass(frozen=True, slots=True)
class Disagreement:
    fact: str
    editors: str
    index: str


def same_version(a: str, b: str) -> bool:
    try:
        return Version(a) == Version(b)
    except InvalidVersion:
        return a.strip() == b.strip()


def same_license(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def disagreements(framework, snapshot) -> tuple[Disagreement, ...]:
    """The facts an editor typed that the newest snapshot contradicts.

    A blank hand-kept fact is not a disagreement: there is nothing to correct.
    """
    if snapshot is None:
        return ()
    found = []
    if framework.latest_version and not same_version(
        framework.latest_version, snapshot.latest_version
    ):
        found.append(
            Disagreement("latest version", framework.latest_version, snapshot.latest_version)
        )
    if (
        framework.license
        and snapshot.license_expression
        and not same_license(framework.license, snapshot.license_expression)
    ):
        found.append(Disagreement("license", framework.license, snapshot.license_expression))
    return tuple(found)

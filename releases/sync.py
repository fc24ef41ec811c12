"""One sync run: read each published framework's release facts and store a snapshot.

Each framework is read completely first and written in one transaction, so a
failure anywhere leaves its last good snapshot in place and nothing half-saved.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from frameworks.models import Framework
from releases.facts import (
    Advisory,
    BadAnswer,
    ReleaseFacts,
    advisory_window,
    fixed_recently,
    parse_advisories,
    project_facts,
)
from releases.index import IndexClient, IndexFailure
from releases.models import ReleaseSnapshot

# A busy project releases often; more lookups than this and the history is marked incomplete.
MAX_ADVISORY_LOOKUPS = 40
# After this many frameworks in a row found the index unreachable, the rest are not tried.
GIVE_UP_AFTER_UNREACHABLE = 3


@dataclass(slots=True)
class Outcome:
    framework: str
    ok: bool
    message: str
    unreachable: bool = False


@dataclass(slots=True)
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def succeeded(self) -> int:
        return sum(o.ok for o in self.outcomes)

    @property
    def failed(self) -> int:
        return len(self.outcomes) - self.succeeded

    @property
    def all_failed(self) -> bool:
        return bool(self.outcomes) and self.succeeded == 0

    def line(self) -> str:
        return (
            f"Synced {self.succeeded} of {len(self.outcomes)} frameworks from the package index"
            + (f"; {self.failed} failed and keep their last good figures." if self.failed else ".")
        )


def advisory_history(
    client: IndexClient, facts: ReleaseFacts, today: datetime.date
) -> tuple[tuple[Advisory, ...], bool]:
    """Advisories fixed in the last 24 months, and whether every release could be read."""
    window = advisory_window(facts.releases, today)
    per_release: dict[str, tuple[Advisory, ...]] = {facts.latest_version: facts.open_advisories}
    complete = len(window) <= MAX_ADVISORY_LOOKUPS
    for release in window[:MAX_ADVISORY_LOOKUPS]:
        if release.version in per_release:
            continue
        try:
            answer = client.release(facts.package, release.version)
            items = answer.get("vulnerabilities") if isinstance(answer, dict) else None
            per_release[release.version] = parse_advisories(items)
        except (IndexFailure, BadAnswer):
            # Optional detail: the figures stand without it, the page says it is missing.
            complete = False
            break
    return fixed_recently(per_release, facts.releases, today), complete


def store(framework: Framework, facts: ReleaseFacts, fixed, complete: bool, now) -> ReleaseSnapshot:
    with transaction.atomic():
        return ReleaseSnapshot.objects.create(
            framework=framework,
            synced_at=now,
            package=facts.package,
            latest_version=facts.latest_version,
            latest_release_date=facts.latest_release_date,
            first_release_date=facts.first_release_date,
            last_release_date=facts.last_release_date,
            releases_last_12_months=facts.releases_last_12_months,
            days_since_last_release=facts.days_since_last_release,
            maintenance_status=facts.maintenance_status,
            requires_python=facts.requires_python,
            python_versions=list(facts.python_versions),
            license_expression=facts.license_expression,
            open_advisories=[a.as_json() for a in facts.open_advisories],
            fixed_advisories=[a.as_json() for a in fixed],
            advisory_history_complete=complete,
            yanked_releases=[{"version": v, "reason": r} for v, r in facts.yanked_releases],
            releases_per_quarter=[list(q) for q in facts.releases_per_quarter],
        )


def sync_one(client: IndexClient, framework: Framework, now: datetime.datetime) -> Outcome:
    try:
        facts = project_facts(client.project(framework.package), now)
        fixed, complete = advisory_history(client, facts, now.date())
        store(framework, facts, fixed, complete, now)
    except IndexFailure as failure:
        return Outcome(framework.slug, False, str(failure), unreachable=failure.unreachable)
    except BadAnswer as problem:
        return Outcome(framework.slug, False, f"unusable answer: {problem}")
    advisories = len(facts.open_advisories)
    recent = facts.releases_last_12_months
    return Outcome(
        framework.slug,
        True,
        f"{facts.latest_version} released {facts.latest_release_date:%d %b %Y}, "
        f"{recent} release{'' if recent == 1 else 's'} "
        f"in 12 months ({facts.maintenance_status}), "
        f"{advisories} open advisor{'y' if advisories == 1 else 'ies'}"
        + ("" if complete else ", advisory history incomplete"),
    )


def sync_all(
    client: IndexClient,
    frameworks: Iterable[Framework],
    report: Callable[[Outcome], None] = lambda outcome: None,
    now: datetime.datetime | None = None,
) -> Summary:
    summary = Summary()
    unreachable_in_a_row = 0
    for framework in frameworks:
        if not framework.package:
            outcome = Outcome(framework.slug, False, "no package name on the index is set")
        elif unreachable_in_a_row >= GIVE_UP_AFTER_UNREACHABLE:
            outcome = Outcome(framework.slug, False, "not tried: the index is unreachable")
        else:
            outcome = sync_one(client, framework, now or timezone.now())
            unreachable_in_a_row = unreachable_in_a_row + 1 if outcome.unreachable else 0
        summary.outcomes.append(outcome)
        report(outcome)
    return summary

"""Public change entries, read from the catalogue's history tables.

Only what readers may see: changes to published frameworks and their scores.
Editors' names never leave the admin; their reasons do.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, QuerySet, Subquery, Value
from django.urls import reverse

from changelog.describe import describe_framework, describe_score
from frameworks.models import Criterion, Framework, Score

HistoricalScore = Score.history.model
HistoricalFramework = Framework.history.model
SCORE, FRAMEWORK = "score", "framework"
PER_PAGE = 25
# A score has few versions; a page listing more than this would be a wall.
MAX_VERSIONS = 200


@dataclass(frozen=True)
class Entry:
    kind: str  # SCORE or FRAMEWORK
    history_id: int
    when: datetime.datetime
    history_type: str
    framework: str
    criterion: str  # "" for a framework's own change
    phrases: tuple[str, ...]
    reason: str
    by_editor: bool  # False for the initial content
    url: str  # the page where this change is listed in full
    value: int | None = None
    note: str = ""
    source_url: str = ""

    @property
    def subject(self) -> str:
        return f"{self.framework} · {self.criterion}" if self.criterion else self.framework

    @property
    def summary(self) -> str:
        return "; ".join(self.phrases)

    @property
    def anchor(self) -> str:
        return f"change-{self.kind}-{self.history_id}"


def public_score_records() -> QuerySet:
    return HistoricalScore.objects.filter(
        framework_id__in=Framework.objects.published().values("pk"),
        criterion_id__in=Criterion.objects.values("pk"),
    )


def public_framework_records() -> QuerySet:
    # Versions saved while a framework was a draft stay private.
    return HistoricalFramework.objects.filter(
        id__in=Framework.objects.published().values("pk"), is_published=True
    )


def _with_previous(records: QuerySet) -> QuerySet:
    previous = (
        records.model.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        .order_by("-history_id")
        .values("history_id")[:1]
    )
    return records.annotate(previous_id=Subquery(previous))


def score_entries(records: QuerySet, limit: int | None = None) -> list[Entry]:
    """Entries for these score versions (two queries), newest first."""
    ordered = (
        _with_previous(records).select_related("framework", "criterion").order_by("-history_id")
    )
    rows = list(ordered[:limit] if limit else ordered)
    before = HistoricalScore.objects.in_bulk([r.previous_id for r in rows if r.previous_id])
    entries = []
    for row in rows:
        old = before.get(row.previous_id)
        url = reverse("changelog:score_history", args=[row.framework.slug, row.criterion.slug])
        entries.append(
            Entry(
                kind=SCORE,
                **_version(row),
                framework=row.framework.name,
                criterion=row.criterion.name,
                phrases=describe_score(_fields(old), _fields(row), row.history_type),
                url=url,
                value=row.value,
                note=row.note,
                source_url=row.source_url,
            )
        )
    return entries


def framework_entries(records: QuerySet) -> list[Entry]:
    rows = list(_with_previous(records).order_by("-history_id"))
    before = HistoricalFramework.objects.in_bulk([r.previous_id for r in rows if r.previous_id])
    current = {
        fw.pk: fw
        for fw in Framework.objects.filter(pk__in={r.id for r in rows}).only("name", "slug")
    }
    entries = []
    for row in rows:
        framework = current.get(row.id)
        if framework is None:
            continue
        old = before.get(row.previous_id)
        entries.append(
            Entry(
                kind=FRAMEWORK,
                **_version(row),
                framework=framework.name,
                criterion="",
                phrases=describe_framework(_fields(old), _fields(row), row.history_type),
                url=reverse("changelog:framework_history", args=[framework.slug]),
            )
        )
    return entries


def _version(row) -> dict:
    """What every history row says about itself: when, what kind of save, and why."""
    return {
        "history_id": row.history_id,
        "when": row.history_date,
        "history_type": row.history_type,
        "reason": row.history_change_reason or "",
        "by_editor": row.history_user_id is not None,
    }


def _fields(record) -> dict | None:
    if record is None:
        return None
    return {f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields}


def visible(entries: Iterable[Entry]) -> list[Entry]:
    """Versions that changed something a reader sees (a save of nothing says nothing)."""
    return [e for e in entries if e.phrases]


def change_page(
    scores: QuerySet, frameworks: QuerySet, number: str | int | None, per_page: int = PER_PAGE
) -> tuple[Page, list[Entry]]:
    """One page of both kinds of change together, newest first."""
    keys = ("history_date", "history_id", "change_kind")
    union = (
        # History tables order newest first by default; a compound query takes no inner order.
        scores.annotate(change_kind=Value(SCORE))
        .values_list(*keys)
        .order_by()
        .union(
            frameworks.annotate(change_kind=Value(FRAMEWORK)).values_list(*keys).order_by(),
            all=True,
        )
        .order_by("-history_date", "-history_id")
    )
    page = Paginator(union, per_page).get_page(number)
    ids = {SCORE: [], FRAMEWORK: []}
    for _when, history_id, kind in page.object_list:
        ids[kind].append(history_id)
    loaded = {
        (e.kind, e.history_id): e
        for e in score_entries(HistoricalScore.objects.filter(history_id__in=ids[SCORE]))
        + framework_entries(HistoricalFramework.objects.filter(history_id__in=ids[FRAMEWORK]))
    }
    entries = [loaded[(k, i)] for _w, i, k in page.object_list if (k, i) in loaded]
    return page, visible(entries)


def latest(scores: QuerySet, frameworks: QuerySet, count: int = 50) -> list[Entry]:
    return change_page(scores, frameworks, 1, per_page=count)[1]

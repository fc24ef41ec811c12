import datetime

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from frameworks.templatetags.catalogue import day_month_year
from pagecache.fragments import get_or_render_each
from releases import chart, facts

register = template.Library()


@register.filter
def quarter_chart(snapshot):
    return chart.quarter_chart(snapshot.releases_per_quarter) if snapshot else None


@register.filter
def sync_is_stale(snapshot) -> bool:
    """Synced longer ago than RELEASES_STALE_AFTER_DAYS."""
    if snapshot is None:
        return False
    age = timezone.now() - snapshot.synced_at
    return age > datetime.timedelta(days=settings.RELEASES_STALE_AFTER_DAYS)


@register.simple_tag
def maintenance_rule() -> str:
    return facts.MAINTENANCE_RULE


@register.simple_tag
def stale_after_days() -> int:
    return settings.RELEASES_STALE_AFTER_DAYS


RELEASE_FACTS = (
    "Latest release",
    "Released",
    "Releases in 12 months",
    "Python versions",
    "Advisories open",
)


@register.simple_tag
def compare_release_rows(frameworks) -> SafeString:
    """The release facts of a comparison, one row each: a framework's cells are the
    same in every comparison, so they are built once per content version
    (``pagecache.fragments``) and only laid out in rows here."""
    width = len(frameworks)
    columns: dict[int, tuple[str, ...]] = {}  # a framework's five cells are made together

    def cell(i: int) -> str:
        column = i % width
        if column not in columns:
            columns[column] = _release_cells(frameworks[column])
        return columns[column][i // width]

    cells = get_or_render_each(
        [("release-cell", fw.id, row) for row in range(len(RELEASE_FACTS)) for fw in frameworks],
        cell,
    )
    return mark_safe(
        "\n".join(
            f'      <tr class="release-row"><th scope="row">{fact}</th>'
            + "".join(cells[row * width : (row + 1) * width])
            + "</tr>"
            for row, fact in enumerate(RELEASE_FACTS)
        )
    )


def _release_cells(fw) -> tuple[str, ...]:
    """One framework's cell for each of RELEASE_FACTS."""
    r = fw.latest_release
    if r:
        synced = timezone.localtime(r.synced_at)
        stale = (
            f' <strong class="stale-mark">more than {stale_after_days()} days ago</strong>'
            if sync_is_stale(r)
            else ""
        )
        latest = (
            f'{escape(r.latest_version)} <span class="cell-source source-link">synced '
            f'<time datetime="{synced:%Y-%m-%d}">{day_month_year(synced)}</time>{stale}</span>'
        )
    elif fw.latest_version:
        latest = f'{escape(fw.latest_version)} <span class="cell-source">(editors\')</span>'
    else:
        latest = "not known"
    released = (
        f'<time datetime="{r.latest_release_date:%Y-%m-%d}">'
        f"{day_month_year(r.latest_release_date)}</time>"
        if r and r.latest_release_date
        else "not synced"
    )
    if r and r.python_versions:
        pythons = escape(", ".join(str(v) for v in r.python_versions))
    elif r and r.requires_python:
        pythons = escape(r.requires_python)
    else:
        pythons = "not synced"
    if r:
        status = escape(r.get_maintenance_status_display().lower())
        count = f"{r.releases_last_12_months} ({status})"
        advisories = str(len(r.open_advisories)) if r.open_advisories else "none known"
    else:
        count = advisories = "not synced"
    return tuple(f"<td>{cell}</td>" for cell in (latest, released, count, pythons, advisories))

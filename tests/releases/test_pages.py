"""Synced release facts as readers and editors see them."""

import datetime
import html
import json
import re

import pytest
from django.utils import timezone

from frameworks.models import Framework
from releases.facts import MAINTENANCE_RULE, project_facts
from releases.models import ReleaseSnapshot
from releases.queries import latest_synced_versions
from releases.sync import store
from tests.releases.conftest import recorded_at, recorded_project


def snapshot(slug: str, recording: str, synced_at: datetime.datetime | None = None):
    """Store the facts of a recorded answer as `slug`'s newest snapshot."""
    facts = project_facts(recorded_project(recording), recorded_at(recording))
    framework = Framework.objects.get(slug=slug)
    return store(framework, facts, (), True, synced_at or timezone.now())


def text(page: str) -> str:
    """What a reader sees, roughly: tags become spaces, entities are decoded."""
    spaced = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    # No space before punctuation or inside brackets, where a tag ended or began.
    return html.unescape(re.sub(r"\( ", "(", re.sub(r" ([,.:;)])", r"\1", spaced)))


def test_a_profile_shows_the_synced_latest_version_with_its_source_and_dates(client, seeded):
    synced = snapshot("django", "django")
    page = text(client.get("/frameworks/django/").content.decode())
    assert "6.1.3, released 3 Nov 2026 · source: the package index, synced" in page
    assert f"synced {synced.synced_at:%-d %b %Y}" in page
    # The editors' stale value is not what readers see.
    assert "Latest version 6.0 " not in page


def test_a_profile_shows_maintenance_with_its_rule_python_versions_and_yanked(client, seeded):
    snapshot("django", "django")
    body = client.get("/frameworks/django/").content.decode()
    page = text(body)
    assert "Releases and maintenance" in page
    assert "Active: 34 releases in the last 12 months" in page
    assert MAINTENANCE_RULE in page
    assert "3.12, 3.13, 3.14" in page and "Requires-Python >=3.12" in page
    assert "Advisories affecting 6.1.3 none known" in page
    assert "4.2.12: Release files have Windows end-of-line characters" in page
    # The chart is drawn on the server: one bar per quarter over three years.
    svg = re.search(r'<svg class="quarter-chart".*?</svg>', body, re.S).group(0)
    assert svg.count('class="quarter-bar"') == 12
    assert "2026 Q4: " in svg


def test_a_profile_lists_open_advisories_with_their_aliases(client, seeded):
    snapshot("bottle", "web2py")
    body = client.get("/frameworks/bottle/").content.decode()
    assert 'href="https://osv.dev/vulnerability/GHSA-cgrj-xjm7-9q27"' in body
    assert "CVE-2022-33146" in body and "fixed in 2.22.5" in body
    assert "Dormant" in body


def test_without_a_sync_the_profile_shows_the_editors_facts_and_says_so(client, seeded):
    page = text(client.get("/frameworks/flask/").content.decode())
    assert "Latest version 3.1 source: github.com" in page
    assert "Not synced from the package index yet (package Flask)" in page


@pytest.mark.parametrize(("days", "stale"), [(13, False), (15, True)])
def test_facts_synced_more_than_14_days_ago_are_flagged(client, seeded, days, stale):
    snapshot("flask", "flask", timezone.now() - datetime.timedelta(days=days))
    page = text(client.get("/frameworks/flask/").content.decode())
    assert ("more than 14 days ago: newer releases may be missing" in page) is stale
    compare = text(client.get("/compare/django-vs-flask/").content.decode())
    assert ("synced" in compare and "more than 14 days ago" in compare) is stale


def test_the_compare_page_has_release_rows(client, seeded):
    snapshot("django", "django")
    snapshot("flask", "flask")
    page = text(client.get("/compare/django-vs-flask/").content.decode())
    day = f"{timezone.now():%-d %b %Y}"
    assert f"Latest release 6.1.3 synced {day} 3.1.3 synced {day}" in page
    assert "Released 3 Nov 2026 19 Feb 2026" in page
    assert "Releases in 12 months 34 (active) 1 (slowing)" in page
    assert "Python versions 3.12, 3.13, 3.14 >=3.9" in page
    assert "Advisories open none known none known" in page


def test_the_catalogue_json_carries_package_and_synced_facts_with_their_date(client, seeded):
    synced = snapshot("quart", "quart")
    data = json.loads(client.get("/api/catalogue.json").content)
    by_slug = {fw["slug"]: fw for fw in data["frameworks"]}
    quart = by_slug["quart"]
    assert quart["package"] == "Quart"
    assert quart["releases"]["latest_version"] == "0.23.1"
    assert quart["releases"]["latest_release_date"] == "2026-08-29"
    assert quart["releases"]["synced_at"] == synced.synced_at.isoformat()
    assert quart["releases"]["yanked_releases"] == [{"version": "0.23.0", "reason": ""}]
    assert quart["latest_version"] == "0.21.0"  # the editors' fact, kept apart
    assert by_slug["flask"]["releases"] is None


def test_latest_synced_versions_gives_each_framework_its_newest_snapshot(seeded):
    snapshot("flask", "flask", timezone.now() - datetime.timedelta(days=3))
    newer = snapshot("flask", "quart")  # a later sync with other figures
    snapshot("django", "django")
    assert latest_synced_versions() == {"flask": newer.latest_version, "django": "6.1.3"}


@pytest.mark.parametrize(
    "path", ["/frameworks/django/", "/compare/django-vs-flask/", "/api/catalogue.json"]
)
def test_queries_stay_flat_with_synced_facts(seeded, queries_stay_flat, path):
    for fw in Framework.objects.all():
        snapshot(fw.slug, "flask")
    queries_stay_flat(path, cap=10)


def test_the_freshness_queue_lists_where_the_index_disagrees_with_the_editors(
    seeded, admin_client_logged
):
    snapshot("django", "django")
    snapshot("quart", "quart")
    Framework.objects.filter(slug="quart").update(latest_version="0.23.1", license="MIT")
    body = admin_client_logged.get("/admin/editorial/factdisagreement/").content.decode()
    page = text(body)
    assert "latest version: 6.0" in page and "latest version: 6.1.3" in page
    django = Framework.objects.get(slug="django")
    assert f"/admin/frameworks/framework/{django.pk}/change/" in body
    # Quart's editors agree with the index now; Flask was never synced.
    assert "Quart" not in page and "Flask" not in page


def test_a_sync_moves_cached_pages_on(client, seeded, django_capture_on_commit_callbacks):
    synced = '<span class="synced-version">6.1.3</span>'
    assert synced not in client.get("/frameworks/django/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        snapshot("django", "django")
    assert synced in client.get("/frameworks/django/").content.decode()
    assert ReleaseSnapshot.objects.count() == 1


def test_an_editor_reads_the_disagreement_queue_and_snapshots_but_cannot_change_them(
    seeded, make_editor
):
    snapshot("django", "django")
    editor = make_editor()
    queue = editor.get("/admin/editorial/factdisagreement/")
    assert queue.status_code == 200 and "6.1.3" in queue.content.decode()
    assert editor.get("/admin/releases/releasesnapshot/").status_code == 200
    assert editor.get("/admin/releases/releasesnapshot/add/").status_code == 403


def test_the_admin_home_counts_disagreements_with_the_index(seeded, admin_client_logged):
    home = admin_client_logged.get("/admin/").content.decode()
    assert "The package index agrees with every hand-kept" in home
    snapshot("django", "django")
    home = admin_client_logged.get("/admin/").content.decode()
    assert "1 framework with facts the package index disagrees with" in home

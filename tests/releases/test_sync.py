"""manage.py sync_releases against a local stand-in for the index: success and every failure."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from frameworks.models import Framework
from releases.models import ReleaseSnapshot
from tests.releases.conftest import recorded_project


def sync(*slugs: str) -> str:
    out = io.StringIO()
    args = [f"--framework={slug}" for slug in slugs]
    call_command("sync_releases", *args, stdout=out, no_color=True)
    return out.getvalue()


def snapshots(slug: str) -> list[ReleaseSnapshot]:
    return list(ReleaseSnapshot.objects.filter(framework__slug=slug))


def test_a_sync_stores_a_dated_snapshot_per_framework_and_reports_each(seeded, fake_index):
    fake_index.serve_recorded("Django")
    fake_index.serve_recorded("Quart")
    output = sync("django", "quart")
    assert "django: 6.1.3 released 03 Nov 2026" in output
    assert "quart: 0.23.1 released 29 Aug 2026" in output
    assert "Synced 2 of 2 frameworks" in output
    django = snapshots("django")[0]
    assert django.latest_version == "6.1.3"
    assert django.maintenance_status == "active"
    assert [y["version"] for y in django.yanked_releases] == ["4.2.12", "5.0.5"]
    assert snapshots("quart")[0].yanked_releases == [{"version": "0.23.0", "reason": ""}]
    # The editors' hand-kept fact is left as it was.
    assert Framework.objects.get(slug="django").latest_version == "6.0"


def test_every_run_adds_a_snapshot_so_the_figures_have_a_history(seeded, fake_index):
    fake_index.serve_recorded("Flask")
    sync("flask")
    sync("flask")
    assert len(snapshots("flask")) == 2
    latest = Framework.objects.with_latest_release().get(slug="flask").latest_release
    assert latest == snapshots("flask")[0]


def test_advisories_are_stored_with_ids_aliases_and_fixed_in(seeded, fake_index):
    Framework.objects.filter(slug="bottle").update(package="web2py")
    fake_index.serve_recorded("web2py")
    output = sync("bottle")
    assert "16 open advisories" in output
    advisory = next(
        a for a in snapshots("bottle")[0].open_advisories if a["id"] == "GHSA-cgrj-xjm7-9q27"
    )
    assert "CVE-2022-33146" in advisory["aliases"] and advisory["fixed_in"] == ["2.22.5"]


def test_the_recent_releases_advisories_are_read_too(seeded, fake_index):
    project = recorded_project("quart")
    fake_index.answer("Quart", project)
    fixed = {"id": "GHSA-test", "aliases": ["CVE-2026-1"], "fixed_in": ["0.23.1"]}
    for version in project["releases"]:
        fake_index.routes[f"/pypi/Quart/{version}/json"] = (
            200,
            json.dumps({"vulnerabilities": [fixed] if version == "0.22.0" else []}).encode(),
            0,
        )
    sync("quart")
    snapshot = snapshots("quart")[0]
    assert snapshot.advisory_history_complete
    assert [a["id"] for a in snapshot.fixed_advisories] == ["GHSA-test"]


def test_when_the_releases_advisories_cannot_be_read_the_history_is_marked_incomplete(
    seeded, fake_index
):
    fake_index.serve_recorded("Quart")  # per-release pages answer 404
    output = sync("quart")
    assert "advisory history incomplete" in output
    assert snapshots("quart")[0].advisory_history_complete is False


def good_snapshot(fake_index, package="Flask", slug="flask") -> ReleaseSnapshot:
    fake_index.serve_recorded(package)
    sync(slug)
    fake_index.routes.clear()
    return snapshots(slug)[0]


@pytest.mark.parametrize(
    ("serve", "reported"),
    [
        (lambda index: None, "is not on the index (404): renamed or removed?"),
        (lambda index: index.answer("Flask", b"{not json"), "not valid JSON"),
        (lambda index: index.answer("Flask", b"", status=503), "HTTP 503"),
        (lambda index: index.answer("Flask", {"releases": {}}), "no 'info' table"),
        (
            lambda index: index.answer(
                "Flask", {**recorded_project("flask"), "releases": {"3.1.3": "soon"}}
            ),
            "not a list of files",
        ),
        (lambda index: index.answer("Flask", recorded_project("flask"), delay=3), "within 2 s"),
    ],
    ids=["404", "malformed", "server-error", "missing-field", "absurd", "timeout"],
)
def test_a_failing_framework_is_reported_and_keeps_its_last_good_figures(
    seeded, fake_index, serve, reported
):
    before = good_snapshot(fake_index)
    fake_index.serve_recorded("Django")
    serve(fake_index)
    output = sync("django", "flask")
    flask_line = next(line for line in output.splitlines() if line.startswith("flask: "))
    assert reported in flask_line
    assert "Synced 1 of 2 frameworks" in output and "1 failed" in output
    # Nothing half-written: flask's newest snapshot is still the good one.
    assert snapshots("flask") == [before]
    assert Framework.objects.with_latest_release().get(slug="flask").latest_release == before


def test_the_command_fails_only_when_every_framework_failed(seeded, fake_index):
    before = good_snapshot(fake_index)
    with pytest.raises(CommandError, match="Synced 0 of 2 frameworks"):
        sync("django", "flask")
    assert snapshots("flask") == [before]


def test_an_unreachable_index_is_reported_and_the_rest_are_not_tried(seeded, unreachable_index):
    out = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("sync_releases", stdout=out, no_color=True)
    lines = out.getvalue().splitlines()
    assert sum("could not be reached" in line for line in lines) == 3
    published = Framework.objects.published().count()
    assert sum("not tried: the index is unreachable" in line for line in lines) == published - 3
    assert not ReleaseSnapshot.objects.exists()


def test_a_framework_without_a_package_name_is_reported(seeded, fake_index):
    Framework.objects.filter(slug="flask").update(package="")
    fake_index.serve_recorded("Django")
    output = sync("django", "flask")
    assert "flask: no package name on the index is set" in output

import contextlib
import tomllib
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from frameworks.content_checks import (
    FrameworkFacts,
    ScoreFacts,
    check_catalogue,
    cited_versions,
    is_bare_home_page,
    license_problem,
)
from frameworks.models import Framework, Score

SEED_FRAMEWORKS = Path(__file__).resolve().parents[2] / "frameworks/seed_data/frameworks"


def seed(slug: str) -> dict:
    with (SEED_FRAMEWORKS / f"{slug}.toml").open("rb") as handle:
        return tomllib.load(handle)


def good_score(**changes) -> ScoreFacts:
    fields = {
        "criterion": "async",
        "value": 4,
        "note": "Async views are built in since version 2.0.",
        "source_url": "https://example.org/docs/en/stable/async/",
    }
    return ScoreFacts(**(fields | changes))


def framework(*scores: ScoreFacts, **changes) -> FrameworkFacts:
    fields = {
        "slug": "demo",
        "name": "Demo",
        "license": "BSD-3-Clause",
        "package": "demo",
        "scores": scores or (good_score(),),
    }
    return FrameworkFacts(**(fields | changes))


def messages(fw: FrameworkFacts, latest: str = "3.1") -> list[str]:
    return [p.message for p in check_catalogue([fw], {"demo": latest})]


def test_a_sound_framework_passes():
    assert messages(framework()) == []


def test_a_score_without_a_note_fails():
    assert messages(framework(good_score(note="  "))) == ["score has no note"]


def test_a_score_without_a_source_fails():
    assert messages(framework(good_score(source_url=""))) == ["score has no source"]


@pytest.mark.parametrize(
    "url",
    [
        "https://flask.palletsprojects.com/",
        "https://flask.palletsprojects.com/en/stable/",
        "https://docs.pylonsproject.org/projects/pyramid/en/latest/",
        "https://bottlepy.org/docs/dev/",
        "https://github.com/pallets",
        "https://github.com/pallets/flask",
        "https://www.tornadoweb.org/en/stable/index.html",
    ],
)
def test_a_bare_home_page_source_fails(url):
    assert is_bare_home_page(url)
    assert messages(framework(good_score(source_url=url))) == [
        f"source {url} is a home page, not the page"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https://flask.palletsprojects.com/en/stable/async-await/",
        "https://github.com/pallets/flask/blob/main/CHANGES.rst",
        "https://docs.pylonsproject.org/projects/pyramid/en/latest/narr/testing.html",
        "https://www.starlette.io/background/",
    ],
)
def test_a_deep_page_is_not_a_home_page(url):
    assert not is_bare_home_page(url)


def test_a_note_citing_a_version_past_the_latest_fails():
    fw = framework(good_score(note="Demo 3.2 added async views."))
    assert messages(fw, latest="3.1") == ["note cites 3.2, newer than the latest 3.1"]
    assert messages(fw, latest="3.2.1") == []


def test_a_description_citing_a_future_release_fails():
    fw = framework(description="Release 6.0 added CSP support.")
    assert messages(fw, latest="5.2") == ["description cites 6.0, newer than the latest 5.2"]


def test_versions_of_other_software_are_not_taken_for_the_frameworks():
    assert cited_versions("Runs on Python 3.14 over HTTP/1.1 with OpenAPI 3.1.", "Demo") == []
    assert cited_versions("Since 6.0, and in Demo 6.1.2 and v25.12", "Demo") == [
        "6.0",
        "6.1.2",
        "25.12",
    ]


def test_a_patch_release_of_the_latest_minor_is_not_newer():
    assert messages(framework(good_score(note="Fixed in version 3.1.4.")), latest="3.1") == []


@pytest.mark.parametrize("license", ["Repoze (BSD-style)", "BSD", "", "MIT or Apache"])
def test_an_spdx_invalid_license_fails(license):
    (message,) = messages(framework(license=license))
    assert "license" in message


def test_a_framework_without_a_package_fails():
    assert messages(framework(package="")) == [
        "no package (its distribution name on the package index)"
    ]


def test_the_seed_files_pass(capsys):
    call_command("check_content", "--seed-files")
    assert "Content OK: " in capsys.readouterr().out


def test_the_seeded_database_passes(seeded, capsys):
    call_command("check_content")
    out = capsys.readouterr().out
    assert f"Content OK: {Framework.objects.count()} frameworks" in out


def reported_problems(capsys) -> set[str]:
    with contextlib.suppress(CommandError):
        call_command("check_content")
    return set(capsys.readouterr().err.splitlines())


def test_the_command_fails_on_a_bad_database_row(seeded, capsys):
    before = reported_problems(capsys)
    Score.objects.filter(framework__slug="flask", criterion__slug="admin").update(
        source_url="https://flask.palletsprojects.com/"
    )
    Framework.objects.filter(slug="pyramid").update(license="Repoze (BSD-style)")
    with pytest.raises(CommandError, match="content problem"):
        call_command("check_content")
    capsys.readouterr()
    assert reported_problems(capsys) - before == {
        "flask/admin: source https://flask.palletsprojects.com/ is a home page, not the page",
        "pyramid: license 'Repoze (BSD-style)' is not a valid SPDX expression",
    }


# Pins for errors a fact check found (issue 16).


def test_seeded_licenses_are_the_spdx_expressions_of_the_package_metadata():
    assert seed("pyramid")["license"] == "LicenseRef-Repoze-BSD-derived AND ZPL-2.1"
    assert seed("aiohttp")["license"] == "Apache-2.0 AND MIT"
    assert seed("robyn")["license"] == "BSD-2-Clause"
    assert seed("django-ninja")["license"] == "MIT"


def test_bottles_ecosystem_note_counts_the_24_plugins_of_its_list():
    note = seed("bottle")["scores"]["ecosystem"]["note"]
    assert "24" in note and "fewer than twenty" not in note


def test_no_seeded_score_source_is_a_bare_home_page():
    offenders = [
        f"{path.stem}/{criterion}"
        for path in SEED_FRAMEWORKS.glob("*.toml")
        for criterion, score in seed(path.stem)["scores"].items()
        if is_bare_home_page(score["source_url"])
    ]
    assert offenders == []


def test_every_seeded_license_is_a_valid_spdx_expression():
    assert {
        path.stem: license_problem(seed(path.stem)["license"])
        for path in SEED_FRAMEWORKS.glob("*.toml")
        if license_problem(seed(path.stem)["license"])
    } == {}

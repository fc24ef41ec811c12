"""Release facts read from recorded answers of the package index (pure functions, no I/O)."""

import copy
import datetime

import pytest

from releases.chart import quarter_chart
from releases.facts import (
    Advisory,
    BadAnswer,
    fixed_recently,
    maintenance_status,
    parse_releases,
    project_facts,
)
from tests.releases.conftest import recorded_at, recorded_project


def facts_of(name: str):
    return project_facts(recorded_project(name), recorded_at(name))


def test_django_latest_is_the_newest_final_release_with_its_date():
    facts = facts_of("django")
    assert facts.package == "Django"
    assert facts.latest_version == "6.1.3"
    assert facts.latest_release_date == datetime.date(2026, 11, 3)
    assert facts.first_release_date == datetime.date(2010, 5, 17)
    assert facts.requires_python == ">=3.12"
    assert facts.python_versions == ("3.12", "3.13", "3.14")
    assert facts.license_expression == "BSD-3-Clause"
    assert facts.maintenance_status == "active"


def test_yanked_releases_are_listed_with_their_reason_and_never_count_as_latest():
    facts = facts_of("quart")
    assert facts.yanked_releases == (("0.23.0", ""),)
    assert facts.latest_version == "0.23.1"
    django = facts_of("django")
    assert [v for v, _ in django.yanked_releases] == ["4.2.12", "5.0.5"]
    assert "Windows end-of-line" in django.yanked_releases[0][1]


def test_a_yanked_newest_release_leaves_the_one_before_as_latest():
    answer = recorded_project("quart")
    for files in answer["releases"]["0.23.1"]:
        files["yanked"] = True
    facts = project_facts(answer, recorded_at("quart"))
    # 0.23.0 is yanked too, so the latest is the release before both.
    assert facts.latest_version == "0.22.0"
    assert facts.latest_release_date == datetime.date(2026, 8, 19)
    assert [v for v, _ in facts.yanked_releases] == ["0.23.0", "0.23.1"]


def test_advisories_on_the_latest_release_keep_ids_aliases_and_fixed_in():
    facts = facts_of("web2py")
    assert len(facts.open_advisories) == 16
    first = next(a for a in facts.open_advisories if a.id == "GHSA-cgrj-xjm7-9q27")
    assert "CVE-2022-33146" in first.aliases
    assert first.fixed_in == ("2.22.5",)
    assert facts.maintenance_status == "dormant"
    # The license field holds a web address, not a license: it is not shown as one.
    assert "://" not in facts.license_expression


def test_withdrawn_advisories_are_left_out():
    answer = recorded_project("web2py")
    answer["vulnerabilities"][0]["withdrawn"] = "2026-01-01T00:00:00Z"
    facts = project_facts(answer, recorded_at("web2py"))
    assert len(facts.open_advisories) == 15


def test_flask_without_python_classifiers_keeps_requires_python():
    facts = facts_of("flask")
    assert facts.python_versions == ()
    assert facts.requires_python == ">=3.9"
    assert facts.latest_version == "3.1.3"


@pytest.mark.parametrize(
    ("releases_12m", "days", "status"),
    [
        (2, 0, "active"),
        (2, 182, "active"),
        (2, 183, "slowing"),
        (1, 10, "slowing"),
        (0, 547, "slowing"),
        (0, 548, "dormant"),
        (9, 900, "dormant"),
    ],
)
def test_maintenance_status_follows_the_stated_rule(releases_12m, days, status):
    assert maintenance_status(releases_12m, days) == status


def test_releases_per_quarter_cover_three_years_and_skip_yanked():
    facts = facts_of("quart")
    quarters = dict(facts.releases_per_quarter)
    assert len(quarters) == 12
    assert list(quarters)[-1] == "2026 Q4" and list(quarters)[0] == "2024 Q1"
    # 0.23.0 (yanked) and 0.23.1 came out in 2026 Q3, with one more release.
    assert quarters["2026 Q3"] == sum(
        1 for r in facts.releases if not r.yanked and r.day.year == 2026 and 7 <= r.day.month <= 9
    )
    chart = quarter_chart(facts.releases_per_quarter)
    assert len(chart.bars) == 12
    tallest = max(chart.bars, key=lambda b: b.height)
    assert tallest.count == chart.top_count


def test_advisories_fixed_by_a_recent_release_are_found_and_old_fixes_are_not():
    now = recorded_at("django")
    releases = parse_releases(recorded_project("django")["releases"], now)
    recent = Advisory(id="PYSEC-X", aliases=("CVE-1",), fixed_in=("6.1.3",))
    old = Advisory(id="PYSEC-OLD", fixed_in=("3.2",))
    found = fixed_recently({"6.1.2": (recent,), "3.1": (old,)}, releases, now.date())
    assert [a.id for a in found] == ["PYSEC-X"]


def broken(change):
    answer = copy.deepcopy(recorded_project("flask"))
    change(answer)
    return answer


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: a.pop("info"), "no 'info'"),
        (lambda a: a.pop("releases"), "no 'releases'"),
        (lambda a: a["info"].pop("name"), "does not name"),
        (lambda a: a.update(releases={}), "no release"),
        (
            lambda a: a["releases"]["3.1.3"][0].update(upload_time_iso_8601="2999-01-01T00:00:00Z"),
            "in the future",
        ),
        (
            lambda a: a["releases"]["3.1.3"][0].update(upload_time_iso_8601="1970-01-01T00:00:00Z"),
            "before Python",
        ),
        (lambda a: a["releases"]["3.1.3"][0].update(upload_time_iso_8601="soon"), "unreadable"),
        (lambda a: a["releases"].update({"9" * 60: [{}]}), "absurd version"),
        (lambda a: a.update(vulnerabilities="none"), "not a list"),
        (lambda a: a.update(vulnerabilities=[{"aliases": []}]), "no id"),
    ],
)
def test_malformed_or_absurd_answers_are_refused_with_a_reason(change, message):
    with pytest.raises(BadAnswer, match=message):
        project_facts(broken(change), recorded_at("flask"))


def test_every_release_yanked_is_refused():
    def yank_all(answer):
        for files in answer["releases"].values():
            for f in files:
                f["yanked"] = True

    with pytest.raises(BadAnswer, match="every release is yanked"):
        project_facts(broken(yank_all), recorded_at("flask"))

"""The samples/ layout contract, read the same way by the harness, the bench and the site."""

import shutil
from pathlib import Path

import pytest

from codesamples import layout

FLASK = layout.SAMPLES_DIR / "flask"


def test_every_sample_set_in_the_repository_follows_the_contract():
    directories = layout.discover()
    assert {d.name for d in directories} >= {"django", "flask", "fastapi"}
    for directory in directories:
        spec = layout.load_sample(directory)
        assert set(spec.tasks) == set(layout.TASKS)
        requirements = (directory / "requirements.txt").read_text()
        assert layout.unpinned_requirements(requirements) == [], directory.name
        assert {"hello", "json"} <= set(spec.bench), directory.name


def test_requirements_must_pin_every_line():
    text = "# comment\nFlask==3.1.3\nrequests>=2\npytest\nuvicorn[standard]==0.54.0  # server\n"
    assert layout.unpinned_requirements(text) == ["requests>=2", "pytest"]


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    target = tmp_path / "flask"
    shutil.copytree(FLASK, target)
    return target


def test_a_task_naming_a_missing_file_is_refused(sample_copy):
    (sample_copy / "hello.py").unlink()
    with pytest.raises(layout.SampleError, match="hello.py, which is not there"):
        layout.load_sample(sample_copy)


def test_a_file_outside_the_sample_is_refused(sample_copy):
    toml = sample_copy / "sample.toml"
    toml.write_text(toml.read_text().replace('["hello.py"]', '["../../etc/passwd"]'))
    with pytest.raises(layout.SampleError, match="not there"):
        layout.load_sample(sample_copy)


def test_a_missing_task_is_refused(sample_copy):
    toml = sample_copy / "sample.toml"
    toml.write_text(toml.read_text().replace("[tasks.form]", "[tasks.fourm]"))
    with pytest.raises(layout.SampleError, match=r"\[tasks.form\] is missing"):
        layout.load_sample(sample_copy)


def test_outcomes_come_from_test_names(sample_copy):
    spec = layout.load_sample(sample_copy)
    tests = {
        "test_hello_returns_text": True,
        "test_json_api_known_item": True,
        "test_json_api_unknown_item_is_json_404": False,
        "test_template_escapes_name": True,
        "test_form_rejects_invalid_email": True,
        "test_database_lists_books": True,
    }
    outcomes = layout.task_outcomes(spec, tests, run_ok=False)
    assert outcomes["hello"] == layout.PASSED
    assert outcomes["json_api"] == layout.FAILED
    assert outcomes["realtime"] == layout.UNTESTED  # no test_realtime_... at all
    assert outcomes["tests"] == layout.FAILED


def test_an_unsupported_task_needs_no_test(sample_copy):
    toml = sample_copy / "sample.toml"
    text = toml.read_text().replace(
        '[tasks.realtime]\nfiles = ["ws_echo.py"]',
        '[tasks.realtime]\nunsupported = "No WebSockets; use flask-sock."',
    )
    toml.write_text(text)
    spec = layout.load_sample(sample_copy)
    tests = {f"test_{t}_works": True for t in layout.TESTED_TASKS if t != "realtime"}
    outcomes = layout.task_outcomes(spec, tests, run_ok=True)
    assert outcomes["realtime"] == layout.UNSUPPORTED
    assert all(outcomes[t] == layout.PASSED for t in layout.TASKS if t != "realtime")

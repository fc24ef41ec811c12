"""import_samples mirrors samples/ into the database, exactly as the files are."""

import json
import shutil

import pytest
from django.core.management import call_command

from codesamples import highlighting, layout
from codesamples.models import BenchmarkResult, CodeSample

ROOT = layout.ROOT


@pytest.fixture
def samples_dir(tmp_path):
    target = tmp_path / "samples"
    for slug in ("flask", "django"):
        shutil.copytree(layout.SAMPLES_DIR / slug, target / slug)
    return target


def test_the_seeded_site_has_every_task_of_each_catalogued_framework(seeded):
    flask = list(CodeSample.objects.filter(framework__slug="flask").order_by("order"))
    assert [s.task for s in flask] == list(layout.TASKS)
    hello = flask[0]
    assert hello.files[0]["path"] == "hello.py"
    assert hello.files[0]["source"] == (layout.SAMPLES_DIR / "flask" / "hello.py").read_text()


def test_highlighted_code_uses_classes_not_inline_styles(seeded):
    html = CodeSample.objects.get(framework__slug="flask", task="hello").files[0]["html"]
    assert '<div class="highlight">' in html and 'class="kn"' in html  # "from", "import"
    assert "style=" not in html


def test_the_stylesheet_matches_what_pygments_makes():
    css = (ROOT / "static" / "css" / "pygments.css").read_text()
    assert css == highlighting.STYLESHEET_HEADER + "\n" + highlighting.stylesheet() + "\n"


def test_reimporting_reflects_changed_files_and_removed_samples(seeded, samples_dir):
    call_command("import_samples", samples_dir=samples_dir, verbosity=0)
    hello = samples_dir / "flask" / "hello.py"
    hello.write_text(hello.read_text().replace("Hello, world!", "Hi there!"))
    shutil.rmtree(samples_dir / "django")
    call_command("import_samples", samples_dir=samples_dir, verbosity=0)
    sample = CodeSample.objects.get(framework__slug="flask", task="hello")
    assert "Hi there!" in sample.files[0]["source"]
    assert not CodeSample.objects.filter(framework__slug="django").exists()
    assert CodeSample.objects.filter(framework__slug="flask").count() == len(layout.TASKS)


def test_a_broken_sample_set_is_skipped_and_reported(seeded, samples_dir, capsys):
    (samples_dir / "django" / "sample.toml").write_text("python = ")
    call_command("import_samples", samples_dir=samples_dir, verbosity=0)
    assert "samples/django/sample.toml is not valid TOML" in capsys.readouterr().err
    assert CodeSample.objects.filter(framework__slug="flask").exists()
    assert not CodeSample.objects.filter(framework__slug="django").exists()


def test_results_and_benchmarks_are_imported(seeded, samples_dir):
    (samples_dir / "results.json").write_text(
        json.dumps(
            {
                "flask": {
                    "version": "3.1.3",
                    "python": "3.13.0",
                    "tested_on": "2026-12-01",
                    "tasks": {t: "passed" for t in layout.TASKS},
                }
            }
        )
    )
    bench = {
        "criterion": "performance",
        "measured_at": "2026-12-01T10:00:00+00:00",
        "machine": "2 cores",
        "method": "wrk on loopback.",
        "results": [
            {"framework": "flask", "app": "hello", "rps": 800.0, "server": "gunicorn"},
            {"framework": "django", "app": "hello", "rps": 400.0, "server": "gunicorn"},
            {"framework": "nosuch", "app": "hello", "rps": 9.0},
            {"framework": "flask", "app": "json", "rps": "not a number"},
        ],
    }
    (samples_dir / "bench.json").write_text(json.dumps(bench))
    call_command("import_samples", samples_dir=samples_dir, verbosity=0)
    sample = CodeSample.objects.get(framework__slug="flask", task="form")
    assert (sample.tested_version, sample.python_minor, str(sample.tested_on)) == (
        "3.1.3",
        "3.13",
        "2026-12-01",
    )
    assert sorted(BenchmarkResult.objects.values_list("framework__slug", "rps")) == [
        ("django", 400.0),
        ("flask", 800.0),
    ]


def test_a_reimport_replaces_cached_pages(
    client, seeded, samples_dir, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_samples", samples_dir=samples_dir, verbosity=0)
    assert "Hi there!" not in client.get("/frameworks/flask/").content.decode()
    hello = samples_dir / "flask" / "hello.py"
    hello.write_text(hello.read_text().replace("Hello, world!", "Hi there!"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_samples", samples_dir=samples_dir, verbosity=0)
    assert "Hi there!" in client.get("/frameworks/flask/").content.decode()

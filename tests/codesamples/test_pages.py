"""The code and benchmark sections as readers see them."""

import datetime
import re
import shutil

import pytest
from django.core.management import call_command

from codesamples import layout
from codesamples.models import BenchmarkResult, CodeSample
from frameworks.models import Criterion, Framework


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_profile_shows_each_task_with_the_version_it_was_tested_with(client, seeded):
    CodeSample.objects.filter(framework__slug="flask").update(
        tested_version="3.1.3", tested_python="3.13.0", tested_on=datetime.date(2026, 12, 1)
    )
    html = client.get("/frameworks/flask/").content.decode()
    assert 'id="code-heading"' in html
    assert "Tested with Flask 3.1.3 on Python 3.13, 1 Dec 2026" in text_of(html)
    for label in layout.TASKS.values():
        assert f">{label}</h3>" in html
    # The hello sample, highlighted: the string literal is a token of its own.
    assert '<span class="s2">"Hello, world!"</span>' in html


def test_an_unsupported_task_says_so_and_names_the_alternative(client, seeded, tmp_path):
    samples = tmp_path / "samples"
    shutil.copytree(layout.SAMPLES_DIR / "bottle", samples / "bottle")
    toml = samples / "bottle" / "sample.toml"
    toml.write_text(
        toml.read_text().replace(
            '[tasks.realtime]\nfiles = ["stream.py"]',
            '[tasks.realtime]\nunsupported = "Bottle cannot; use gevent-websocket."',
        )
    )
    call_command("import_samples", samples_dir=samples, verbosity=0)
    page = text_of(client.get("/frameworks/bottle/").content.decode())
    assert "Not supported — Bottle cannot; use gevent-websocket." in page


def test_compare_puts_tasks_in_rows_and_frameworks_in_columns(client, seeded):
    html = client.get("/compare/django-vs-flask/").content.decode()
    table = html[
        html.index('<table class="code-compare') : html.index(
            "</table>", html.index("code-compare")
        )
    ]
    headers = re.findall(r'<th scope="col"[^>]*>(?:<a [^>]*>)?([^<]+)', table)
    assert headers == ["Task", "Django", "Flask"]
    rows = re.findall(r'<th scope="row" class="code-task-col">([^<]+)</th>', table)
    assert rows == list(layout.TASKS.values())
    assert table.count("<td>") == 2 * len(layout.TASKS)


def test_compare_with_a_framework_without_samples_says_so(client, seeded):
    CodeSample.objects.filter(framework__slug="flask").delete()
    html = client.get("/compare/django-vs-flask/").content.decode()
    assert "No samples yet" in html and "No sample yet." in html


def test_no_code_section_when_no_framework_has_samples(client, seeded):
    CodeSample.objects.all().delete()
    assert 'id="code-heading"' not in client.get("/compare/django-vs-flask/").content.decode()
    assert 'id="code-heading"' not in client.get("/frameworks/flask/").content.decode()


@pytest.fixture
def benchmarks(seeded):
    criterion = Criterion.objects.get(slug="performance")
    when = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.UTC)
    BenchmarkResult.objects.all().delete()
    for slug, hello, json in [("flask", 800, 900), ("fastapi", 1600, 1800), ("django", 400, 300)]:
        fw = Framework.objects.get(slug=slug)
        for app, rps in (("hello", hello), ("json", json)):
            BenchmarkResult.objects.create(
                criterion=criterion,
                framework=fw,
                app=app,
                rps=rps,
                server="server {port}",
                version="1.0",
                python="3.13.0",
                measured_at=when,
                machine="Test CPU, 2 cores",
                method="Measured with wrk.",
            )


def test_the_performance_page_charts_throughput_relative_to_the_fastest(client, benchmarks):
    html = client.get("/criteria/performance/").content.decode()
    page = text_of(html)
    assert "relative figures from one run" in page
    assert "1 Dec 2026 (Test CPU, 2 cores)" in page and "Measured with wrk." in page
    # FastAPI is the fastest on both apps; Flask half as fast; Django a quarter / a sixth.
    assert re.findall(r'class="row-label"[^>]*>([^<]+)<', html) == ["FastAPI", "Flask", "Django"]
    assert re.findall(r'class="bar-label"[^>]*>([^<]+)<', html) == [
        "100%",
        "100%",
        "50%",
        "50%",
        "25%",
        "17%",
    ]
    assert "style=" not in html[html.index('id="bench-heading"') :]


def test_other_criteria_show_no_benchmark(client, benchmarks):
    assert 'id="bench-heading"' not in client.get("/criteria/admin/").content.decode()

"""`make test-samples` really runs the samples, and fails when one is broken."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "scripts" / "run_samples.py"
# The interpreter running this suite is certainly installed.
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"

SAMPLE_TOML = f"""
python = "{PYTHON}"
package = "pytest"
[tasks.hello]
files = ["hello.py"]
[tasks.json_api]
files = ["hello.py"]
[tasks.template]
files = ["hello.py"]
[tasks.form]
files = ["hello.py"]
[tasks.database]
files = ["hello.py"]
[tasks.realtime]
unsupported = "A plain function cannot stream."
[tasks.tests]
files = ["test_samples.py"]
[bench]
hello = "python -m http.server {{port}}"
json = "python -m http.server {{port}}"
"""

TESTS = """
from hello import answer

def test_hello_says_hello():
    assert answer() == "Hello, world!"

def test_json_api_works():
    assert answer().endswith("!")

def test_template_works():
    assert answer()

def test_form_works():
    assert answer()

def test_database_works():
    assert answer()
"""


def make_sample(root: Path, greeting: str) -> Path:
    sample = root / "samples" / "tiny"
    sample.mkdir(parents=True, exist_ok=True)
    # Only pytest, already in pip's cache: the venv is quick to make.
    (sample / "requirements.txt").write_text(f"pytest=={pytest.__version__}\n")
    (sample / "sample.toml").write_text(SAMPLE_TOML)
    (sample / "hello.py").write_text(f"def answer():\n    return {greeting!r}\n")
    (sample / "test_samples.py").write_text(TESTS)
    return sample


def harness(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            str(HARNESS),
            "--samples-dir",
            str(root / "samples"),
            "--venv-dir",
            str(root / "venvs"),
            "--results",
            str(root / "results.json"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("harness")
    yield root
    shutil.rmtree(root, ignore_errors=True)


def test_a_working_sample_passes_and_is_recorded(workdir):
    make_sample(workdir, "Hello, world!")
    run = harness(workdir)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "samples: 1 passed, 0 failed" in run.stdout
    row = next(line for line in run.stdout.splitlines() if line.startswith("tiny"))
    assert pytest.__version__ in row and "6/7 (1 not supported)" in row
    assert '"hello": "passed"' in (workdir / "results.json").read_text()


def test_a_broken_sample_fails_the_run(workdir):
    make_sample(workdir, "Goodbye")
    run = harness(workdir)
    assert run.returncode != 0
    assert "samples: 0 passed, 1 failed" in run.stdout
    assert "failing: hello, json_api, tests" in run.stdout
    assert '"hello": "failed"' in (workdir / "results.json").read_text()


def test_a_missing_python_is_named(workdir):
    sample = make_sample(workdir, "Hello, world!")
    toml = sample / "sample.toml"
    toml.write_text(toml.read_text().replace(f'python = "{PYTHON}"', 'python = "3.99"'))
    run = harness(workdir)
    assert run.returncode != 0
    assert "Python 3.99 is needed but was not found" in run.stderr
    assert "pyenv install 3.99" in run.stderr

"""`make test-samples`: run every samples/<slug>/ test file in its own virtual environment.

For each sample set: find the Python its sample.toml names (pyenv first, then
pythonX.Y on PATH), make or reuse var/sample-venvs/<slug>/ (rebuilt only when
requirements.txt or the interpreter changes), install the pins, run pytest there,
and map test_<task>_... functions to the seven tasks. Prints a table, records
what it measured in samples/results.json (committed: the site shows it) and
exits non-zero when any sample fails.

    python scripts/run_samples.py                 # all of them
    python scripts/run_samples.py flask django    # a subset
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from codesamples import layout  # noqa: E402

PIP_TIMEOUT = 900
PYTEST_TIMEOUT = 600


@dataclass
class Outcome:
    slug: str
    version: str = "?"
    python: str = "?"
    tasks: dict[str, str] = field(default_factory=dict)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and all(
            v in (layout.PASSED, layout.UNSUPPORTED) for v in self.tasks.values()
        )

    def summary(self) -> str:
        if not self.tasks:
            return "not run"
        supported = [v for v in self.tasks.values() if v != layout.UNSUPPORTED]
        passed = sum(v == layout.PASSED for v in supported)
        text = f"{passed}/{len(layout.TASKS)}"
        unsupported = len(self.tasks) - len(supported)
        if unsupported:
            text += f" ({unsupported} not supported)"
        failing = [t for t, v in self.tasks.items() if v in (layout.FAILED, layout.UNTESTED)]
        if failing:
            text += " failing: " + ", ".join(failing)
        return text


def find_python(version: str) -> Path:
    """The newest installed Python `version` (e.g. "3.13"), or SampleError saying what to do."""
    candidates: list[Path] = []
    if shutil.which("pyenv"):
        listed = subprocess.run(
            ["pyenv", "versions", "--bare"], capture_output=True, text=True, check=False
        ).stdout.split()
        matching = [v for v in listed if v.startswith(version + ".") and v.count(".") == 2]
        matching = [v for v in matching if v.rsplit(".", 1)[1].isdigit()]
        for v in sorted(matching, key=lambda v: int(v.rsplit(".", 1)[1]), reverse=True):
            prefix = subprocess.run(
                ["pyenv", "prefix", v], capture_output=True, text=True, check=False
            ).stdout.strip()
            if prefix:
                candidates.append(Path(prefix) / "bin" / f"python{version}")
    on_path = shutil.which(f"python{version}")
    if on_path:
        candidates.append(Path(on_path))
    for exe in candidates:
        probe = subprocess.run(
            [str(exe), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return exe
    raise layout.SampleError(
        f"Python {version} is needed but was not found: install it with "
        f"`pyenv install {version}` or put python{version} on PATH."
    )


def ensure_venv(python: Path, requirements: Path, venv: Path) -> Path:
    """A virtual environment with the pins installed, reused while nothing changed."""
    stamp_value = hashlib.sha256(
        requirements.read_bytes() + str(python.resolve()).encode()
    ).hexdigest()
    stamp = venv / ".requirements-sha256"
    bin_python = venv / "bin" / "python"
    if bin_python.exists() and stamp.is_file() and stamp.read_text() == stamp_value:
        return bin_python
    shutil.rmtree(venv, ignore_errors=True)
    venv.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    subprocess.run([str(python), "-m", "venv", str(venv)], check=True)
    installed = subprocess.run(
        [str(bin_python), "-m", "pip", "install", "--quiet", "-r", str(requirements)],
        capture_output=True,
        text=True,
        timeout=PIP_TIMEOUT,
        check=False,
    )
    if installed.returncode != 0:
        raise layout.SampleError("pip could not install the pins:\n" + installed.stderr[-3000:])
    stamp.write_text(stamp_value)
    return bin_python


def installed_facts(venv_python: Path, package: str) -> dict[str, str]:
    """The Python and the package version that a virtual environment really holds."""
    out = subprocess.run(
        [
            str(venv_python),
            "-c",
            "import importlib.metadata as m, platform, sys;"
            "print(platform.python_version()); print(m.version(sys.argv[1]))",
            package,
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    return (
        {"python": out[0], "version": out[1]} if len(out) == 2 else {"python": "?", "version": "?"}
    )


def clean_env() -> dict[str, str]:
    # The site's own settings module and paths must not leak into a sample's run.
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def junit_results(xml_path: Path) -> dict[str, bool]:
    """Test function name -> passed, from pytest's JUnit XML."""
    try:
        tree = ET.parse(xml_path)
    except (OSError, ET.ParseError):
        return {}
    results: dict[str, bool] = {}
    for case in tree.iter("testcase"):
        name = case.get("name", "").split("[", 1)[0]
        bad = any(child.tag in ("failure", "error", "skipped") for child in case)
        results[name] = results.get(name, True) and not bad
    return results


def run_sample(directory: Path, venv_root: Path) -> Outcome:
    outcome = Outcome(directory.name)
    try:
        spec = layout.load_sample(directory)
        requirements = directory / "requirements.txt"
        if not requirements.is_file():
            raise layout.SampleError("no requirements.txt")
        loose = layout.unpinned_requirements(requirements.read_text(encoding="utf-8"))
        if loose:
            raise layout.SampleError("requirements not pinned with ==: " + ", ".join(loose))
        python = find_python(spec.python)
        venv_python = ensure_venv(python, requirements, venv_root / spec.slug)
        facts = installed_facts(venv_python, spec.package)
        outcome.python, outcome.version = facts["python"], facts["version"]
        ini = directory / "pytest.ini"
        with tempfile.TemporaryDirectory() as tmp:
            xml_path = Path(tmp) / "junit.xml"
            command = [
                str(venv_python),
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-c",
                str(ini) if ini.is_file() else os.devnull,
                "--rootdir",
                str(directory),
                f"--junitxml={xml_path}",
            ]
            run = subprocess.run(
                command, cwd=directory, env=clean_env(), timeout=PYTEST_TIMEOUT, check=False
            )
            outcome.tasks = layout.task_outcomes(spec, junit_results(xml_path), run.returncode == 0)
    except layout.SampleError as exc:
        outcome.error = str(exc)
    except subprocess.TimeoutExpired as exc:
        outcome.error = f"timed out after {exc.timeout} s"
    return outcome


def record(outcomes: list[Outcome], results_file: Path, today: datetime.date) -> None:
    """Merge this run into the results file; samples not run keep their last record."""
    data = layout.read_json(results_file)
    for o in outcomes:
        if o.error:
            data.pop(o.slug, None)
            continue
        data[o.slug] = {
            "version": o.version,
            "python": o.python,
            "tested_on": today.isoformat(),
            "tasks": o.tasks,
        }
    results_file.write_text(json.dumps(dict(sorted(data.items())), indent=2) + "\n")


def table(outcomes: list[Outcome]) -> str:
    rows = [("framework", "version", "Python", "tasks passed")]
    rows += [(o.slug, o.version, o.python, o.summary()) for o in outcomes]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(r[:3], widths, strict=True)) + "  " + r[3]
        for r in rows
    ]
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", nargs="*", help="sample slugs (default: all)")
    parser.add_argument("--samples-dir", type=Path, default=layout.SAMPLES_DIR)
    parser.add_argument("--venv-dir", type=Path, default=ROOT / "var" / "sample-venvs")
    parser.add_argument("--results", type=Path, default=layout.RESULTS_FILE)
    args = parser.parse_args(argv)
    try:
        directories = layout.discover(args.samples_dir, args.samples or None)
    except layout.SampleError as exc:
        print(f"test-samples: {exc}", file=sys.stderr)
        return 2
    if not directories:
        print(f"test-samples: no sample sets under {args.samples_dir}", file=sys.stderr)
        return 2
    outcomes = []
    for directory in directories:
        print(f"== samples/{directory.name} ==", flush=True)
        outcome = run_sample(directory, args.venv_dir)
        if outcome.error:
            print(f"samples/{directory.name}: {outcome.error}", file=sys.stderr, flush=True)
        outcomes.append(outcome)
    record(outcomes, args.results, datetime.datetime.now(datetime.UTC).date())
    print()
    print(table(outcomes))
    failed = [o.slug for o in outcomes if not o.ok]
    print()
    if failed:
        print("Failing samples: " + ", ".join(failed))
    print(f"samples: {len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The samples/<slug>/ layout (see the samples contract), read without Django.

Shared by the harness (scripts/run_samples.py), the benchmark
(scripts/bench_frameworks.py) and the import into the site (import_samples), so
all three agree on what a sample set is.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "samples"
# What the harness last measured: committed, so the site names what CI runs.
RESULTS_FILE = SAMPLES_DIR / "results.json"
BENCH_FILE = SAMPLES_DIR / "bench.json"

TASKS: dict[str, str] = {
    "hello": "Hello world",
    "json_api": "JSON endpoint",
    "template": "HTML template",
    "form": "Form with validation",
    "database": "Database rows",
    "realtime": "WebSocket or streaming",
    "tests": "Tests",
}
# Tasks whose outcome comes from test functions named test_<task>_...; "tests"
# passes when the whole test file runs green.
TESTED_TASKS = tuple(t for t in TASKS if t != "tests")
PASSED, FAILED, UNSUPPORTED, UNTESTED = "passed", "failed", "unsupported", "untested"
PINNED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\[\],-]*==[^=\s;]+(\s*;.*)?$")


class SampleError(Exception):
    """A sample set that breaks the layout contract; the message says how."""


@dataclass(frozen=True)
class TaskSpec:
    slug: str
    files: tuple[str, ...] = ()
    unsupported: str = ""
    note: str = ""


@dataclass(frozen=True)
class SampleSpec:
    slug: str
    directory: Path
    python: str
    package: str
    tasks: dict[str, TaskSpec]
    bench: dict[str, str] = field(default_factory=dict)


def load_sample(directory: Path) -> SampleSpec:
    """Read and check samples/<slug>/sample.toml and the files it names."""
    slug = directory.name
    toml_path = directory / "sample.toml"
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SampleError(f"samples/{slug}: no sample.toml") from None
    except tomllib.TOMLDecodeError as exc:
        raise SampleError(f"samples/{slug}/sample.toml is not valid TOML: {exc}") from None
    python, package = data.get("python"), data.get("package")
    if not isinstance(python, str) or not re.fullmatch(r"3\.\d+", python):
        raise SampleError(f'samples/{slug}/sample.toml: python must be like "3.13"')
    if not isinstance(package, str) or not package:
        raise SampleError(f"samples/{slug}/sample.toml: package (a distribution name) is missing")
    raw_tasks = data.get("tasks", {})
    tasks: dict[str, TaskSpec] = {}
    for task in TASKS:
        entry = raw_tasks.get(task)
        if not isinstance(entry, dict):
            raise SampleError(f"samples/{slug}/sample.toml: [tasks.{task}] is missing")
        files = tuple(entry.get("files", ()))
        unsupported = str(entry.get("unsupported", ""))
        if not files and not unsupported:
            raise SampleError(f"samples/{slug}: task {task} has neither files nor unsupported")
        for name in files:
            path = (directory / name).resolve()
            if not path.is_relative_to(directory.resolve()) or not path.is_file():
                raise SampleError(f"samples/{slug}: task {task} names {name}, which is not there")
        tasks[task] = TaskSpec(task, files, unsupported, str(entry.get("note", "")))
    unknown = set(raw_tasks) - set(TASKS)
    if unknown:
        raise SampleError(f"samples/{slug}: unknown tasks {', '.join(sorted(unknown))}")
    bench = {k: str(v) for k, v in data.get("bench", {}).items()}
    return SampleSpec(slug, directory, python, package, tasks, bench)


def unpinned_requirements(text: str) -> list[str]:
    """Lines of a requirements.txt that do not pin one version with ==."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line and not PINNED.match(line)]


def discover(root: Path = SAMPLES_DIR, only: list[str] | None = None) -> list[Path]:
    """The sample folders under root, all of them or the ones named (in that order)."""
    if only:
        missing = [s for s in only if not (root / s / "sample.toml").is_file()]
        if missing:
            raise SampleError("no such sample: " + ", ".join(f"samples/{s}" for s in missing))
        return [root / s for s in only]
    return sorted(p.parent for p in root.glob("*/sample.toml"))


def task_outcomes(spec: SampleSpec, tests: dict[str, bool], run_ok: bool) -> dict[str, str]:
    """Each task's outcome from the test functions' results (name -> passed)."""
    outcomes: dict[str, str] = {}
    for task in TESTED_TASKS:
        if spec.tasks[task].unsupported:
            outcomes[task] = UNSUPPORTED
            continue
        mine = [ok for name, ok in tests.items() if name.startswith(f"test_{task}_")]
        outcomes[task] = (PASSED if all(mine) else FAILED) if mine else UNTESTED
    outcomes["tests"] = PASSED if run_ok and tests and all(tests.values()) else FAILED
    return outcomes


def read_json(path: Path) -> dict:
    """A results file as a dict; a missing or unreadable one is empty, never an error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}

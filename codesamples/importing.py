"""From samples/ files to rows: pure functions over the layout, no ORM."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from codesamples import highlighting, layout


@dataclass(frozen=True)
class SampleRow:
    task: str
    order: int
    files: list[dict]
    unsupported: str
    note: str
    outcome: str
    tested_version: str
    tested_python: str
    tested_on: datetime.date | None


def sample_rows(spec: layout.SampleSpec, result: dict) -> list[SampleRow]:
    """One row per task, each file read and highlighted, with what the harness recorded."""
    tasks = result.get("tasks") if isinstance(result.get("tasks"), dict) else {}
    try:
        tested_on = datetime.date.fromisoformat(str(result.get("tested_on", "")))
    except ValueError:
        tested_on = None
    rows = []
    for order, task in enumerate(layout.TASKS):
        entry = spec.tasks[task]
        files = []
        for name in entry.files:
            source = (spec.directory / name).read_text(encoding="utf-8")
            files.append(
                {"path": name, "source": source, "html": highlighting.to_html(name, source)}
            )
        rows.append(
            SampleRow(
                task=task,
                order=order,
                files=files,
                unsupported=entry.unsupported,
                note=entry.note,
                outcome=str(tasks.get(task, "")),
                tested_version=str(result.get("version", "")),
                tested_python=str(result.get("python", "")),
                tested_on=tested_on,
            )
        )
    return rows


@dataclass(frozen=True)
class BenchRow:
    framework: str
    app: str
    rps: float
    p99_ms: float | None
    server: str
    version: str
    python: str


def bench_rows(data: dict) -> list[BenchRow]:
    """The measurements in a bench file; malformed entries are left out, never fatal."""
    rows = []
    for entry in data.get("results", []):
        try:
            rows.append(
                BenchRow(
                    framework=str(entry["framework"]),
                    app=str(entry["app"]),
                    rps=float(entry["rps"]),
                    p99_ms=float(entry["p99_ms"]) if entry.get("p99_ms") is not None else None,
                    server=str(entry.get("server", "")),
                    version=str(entry.get("version", "")),
                    python=str(entry.get("python", "")),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return rows

"""What the code and benchmark sections show, as pure functions over loaded rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import mark_safe

from codesamples import layout
from frameworks.formatting import fixed, svg_ticks

BENCH_APPS = {"hello": "Hello world (text)", "json": "JSON endpoint"}


@dataclass(frozen=True)
class CodeRow:
    task: str
    label: str
    cells: tuple[tuple[Any, Any], ...]  # (framework, CodeSample or None), in the frameworks' order


@dataclass(frozen=True)
class CodeColumn:
    framework: Any
    tested: Any  # a CodeSample carrying the run's version and date, or None


def code_grid(samples: Sequence[Any], frameworks: Sequence[Any]) -> list[CodeRow]:
    """Tasks as rows, frameworks as columns; empty when no framework has samples."""
    if not samples:
        return []
    by_key = {(s.framework_id, s.task): s for s in samples}
    return [
        CodeRow(task, label, tuple((fw, by_key.get((fw.id, task))) for fw in frameworks))
        for task, label in layout.TASKS.items()
    ]


def code_columns(samples: Sequence[Any], frameworks: Sequence[Any]) -> list[CodeColumn]:
    first = {}
    for s in samples:
        first.setdefault(s.framework_id, s)
    return [CodeColumn(fw, first.get(fw.id)) for fw in frameworks]


@dataclass(frozen=True)
class BenchBar:
    app: str
    rps: float
    percent: float  # of the fastest framework on the same app
    x: float
    y: float
    width: float
    height: float
    series: int

    @property
    def label_x(self) -> float:
        return self.x + self.width + 4

    @property
    def label_y(self) -> float:
        return self.y + self.height - 2

    @property
    def figures(self) -> str:
        """ "12345 (67%)": the bar's req/s and share of the fastest, for the table."""
        return f"{fixed(self.rps, 0)} ({fixed(self.percent, 0)}%)"

    @property
    def svg(self) -> str:
        """The bar and its percentage, formatted here rather than through a dozen
        template lookups and filters per bar; numbers only, nothing to escape."""
        return mark_safe(
            f'<rect class="series-{self.series:d}" x="{self.x:g}" y="{self.y:g}" '
            f'width="{self.width:g}" height="{self.height:g}" rx="2"/><text class="bar-label" '
            f'x="{self.label_x:g}" y="{self.label_y:g}">{fixed(self.percent, 0)}%</text>'
        )


@dataclass(frozen=True)
class BenchChartRow:
    framework: Any
    y: float
    bars: tuple[BenchBar, ...]
    server: str
    version: str
    python: str


@dataclass(frozen=True)
class BenchChart:
    width: int
    height: int
    label_width: int
    rows: tuple[BenchChartRow, ...]
    apps: tuple[tuple[int, str, str, float], ...]  # series, app, label, fastest req/s
    ticks: tuple[tuple[float, int], ...]
    measured_at: Any
    machine: str
    method: str

    # The chart and its table have a row per framework and a bar per app: built
    # here, around escaped names, rather than by template loops.

    @property
    def body_svg(self) -> str:
        """The ticks, then each framework's label and bars."""
        parts = svg_ticks(self.ticks, self.height, unit="%")
        for row in self.rows:
            parts.append(
                f'<text class="row-label" x="{self.label_width - 8:d}" y="{row.y:g}" '
                f'text-anchor="end" dominant-baseline="middle">{escape(row.framework.name)}</text>'
            )
            parts.extend(bar.svg for bar in row.bars)
        return mark_safe("\n".join(parts))

    @property
    def table_rows(self) -> str:
        """A ``<tr>`` per framework: its figures, server and versions."""
        rows = []
        for row in self.rows:
            name = escape(row.framework.name)
            figures = "".join(f"<td>{bar.figures}</td>" for bar in row.bars)
            rows.append(
                f'<tr>\n<th scope="row"><a href="{escape(row.framework.get_absolute_url())}">'
                f"{name}</a></th>\n{figures}\n<td><code>{escape(row.server)}</code></td>\n"
                f"<td>{name} {escape(row.version)}, Python {escape(row.python)}</td>\n</tr>"
            )
        return mark_safe("\n".join(rows))


def bench_chart(
    results: Sequence[Any], *, width: int = 640, label_width: int = 150
) -> BenchChart | None:
    """Grouped bars of req/s relative to the fastest framework, per app; None without data."""
    if not results:
        return None
    apps = [app for app in BENCH_APPS if any(r.app == app for r in results)]
    fastest = {app: max(r.rps for r in results if r.app == app) for app in apps}
    by_framework: dict[Any, dict[str, Any]] = {}
    for r in results:
        by_framework.setdefault(r.framework_id, {})[r.app] = r
    lead = apps[0] if apps else ""
    order = sorted(
        by_framework.values(),
        key=lambda row: (
            -(row[lead].rps if lead in row else 0),
            next(iter(row.values())).framework.name,
        ),
    )
    bar_height, gap = 11, 2
    row_height = len(apps) * (bar_height + gap) + 12
    plot_width = width - label_width - 60
    rows = []
    for index, entries in enumerate(order):
        top = 24 + index * row_height
        bars = []
        for series, app in enumerate(apps):
            r = entries.get(app)
            if r is None:
                continue
            percent = round(100 * r.rps / fastest[app], 1) if fastest[app] else 0.0
            bars.append(
                BenchBar(
                    app=app,
                    rps=r.rps,
                    percent=percent,
                    x=label_width,
                    y=top + series * (bar_height + gap),
                    width=round(plot_width * percent / 100, 1),
                    height=bar_height,
                    series=series,
                )
            )
        any_entry = next(iter(entries.values()))
        rows.append(
            BenchChartRow(
                framework=any_entry.framework,
                y=top + len(apps) * (bar_height + gap) / 2,
                bars=tuple(bars),
                server=any_entry.server,
                version=any_entry.version,
                python=any_entry.python,
            )
        )
    ticks = tuple((label_width + plot_width * p / 100, p) for p in range(0, 101, 25))
    first = results[0]
    return BenchChart(
        width=width,
        height=24 + len(rows) * row_height + 4,
        label_width=label_width,
        rows=tuple(rows),
        apps=tuple((i, app, BENCH_APPS[app], fastest[app]) for i, app in enumerate(apps)),
        ticks=ticks,
        measured_at=first.measured_at,
        machine=first.machine,
        method=first.method,
    )

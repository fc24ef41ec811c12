"""Side-by-side comparisons, built from plain data: no database access here.

Views load frameworks (with their scores) and criteria in a fixed number of
queries, turn them into ``Entry`` rows, and call these functions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from frameworks.scale import SCORE_MAX

MAX_COMPARED = 4


@dataclass(frozen=True, slots=True)
class Cell:
    value: int | None
    note: str = ""
    source_url: str = ""
    last_reviewed: object = None
    best: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    criterion: object  # a Criterion
    cells: tuple[Cell, ...]

    @property
    def differs(self) -> bool:
        return len({c.value for c in self.cells}) > 1


@dataclass(frozen=True, slots=True)
class Leader:
    framework: object
    leads: int  # criteria where it alone scores highest
    strongest: tuple[str, ...]  # categories where its average is highest among those compared


@dataclass(frozen=True, slots=True)
class Comparison:
    frameworks: tuple
    rows: tuple[Row, ...]
    leaders: tuple[Leader, ...]
    ties: int

    def visible_rows(self, only_differences: bool) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.differs) if only_differences else self.rows


def score_map(framework) -> dict[str, object]:
    """criterion slug -> Score, from a framework whose scores were prefetched."""
    return {s.criterion.slug: s for s in framework.scores.all()}


def compare(frameworks: Sequence, criteria: Iterable) -> Comparison:
    maps = [score_map(fw) for fw in frameworks]
    rows = []
    leads: dict[int, int] = defaultdict(int)
    ties = 0
    by_category: dict[str, list[list[int]]] = defaultdict(lambda: [[] for _ in frameworks])
    for criterion in criteria:
        scores = [m.get(criterion.slug) for m in maps]
        values = [s.value if s else None for s in scores]
        known = [v for v in values if v is not None]
        top = max(known) if known else None
        winners = [i for i, v in enumerate(values) if v is not None and v == top]
        best_marked = len(winners) < len(frameworks)
        if len(winners) == 1 and best_marked:
            leads[winners[0]] += 1
        else:
            ties += 1
        for i, v in enumerate(values):
            by_category[criterion.category][i].append(v or 0)
        rows.append(
            Row(
                criterion=criterion,
                cells=tuple(
                    Cell(
                        value=v,
                        note=s.note if s else "",
                        source_url=s.source_url if s else "",
                        last_reviewed=s.last_reviewed if s else None,
                        best=best_marked and i in winners,
                    )
                    for i, (v, s) in enumerate(zip(values, scores, strict=True))
                ),
            )
        )
    strongest: dict[int, list[str]] = defaultdict(list)
    for category, columns in by_category.items():
        averages = [sum(col) / len(col) if col else 0 for col in columns]
        best = max(averages)
        winners = [i for i, a in enumerate(averages) if a == best]
        if len(winners) == 1:
            strongest[winners[0]].append(category)
    leaders = tuple(
        sorted(
            (
                Leader(framework=fw, leads=leads[i], strongest=tuple(strongest[i]))
                for i, fw in enumerate(frameworks)
            ),
            key=lambda leader: (-leader.leads, leader.framework.name),
        )
    )
    return Comparison(frameworks=tuple(frameworks), rows=tuple(rows), leaders=leaders, ties=ties)


def canonical_pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def all_pairs(slugs: Iterable[str]) -> list[tuple[str, str]]:
    return [canonical_pair(a, b) for a, b in combinations(sorted(slugs), 2)]


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    series: int


@dataclass(frozen=True, slots=True)
class ChartRow:
    label: str
    y: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    label_width: int
    plot_width: int
    rows: tuple[ChartRow, ...]
    ticks: tuple[tuple[float, int], ...]


def chart(comparison: Comparison, *, width: int = 640, label_width: int = 210) -> Chart:
    """Geometry of a grouped horizontal bar chart, drawn as SVG by the template."""
    n = max(1, len(comparison.frameworks))
    bar_height = 9 if n > 2 else 11
    gap = 2
    row_height = n * (bar_height + gap) + 10
    plot_width = width - label_width - 16
    rows = []
    for index, row in enumerate(comparison.rows):
        top = 24 + index * row_height
        bars = tuple(
            Bar(
                x=label_width,
                y=top + i * (bar_height + gap),
                width=round(plot_width * (cell.value or 0) / SCORE_MAX, 1),
                height=bar_height,
                value=cell.value or 0,
                series=i,
            )
            for i, cell in enumerate(row.cells)
        )
        rows.append(
            ChartRow(label=row.criterion.name, y=top + (n * (bar_height + gap)) / 2, bars=bars)
        )
    ticks = tuple((label_width + plot_width * v / SCORE_MAX, v) for v in range(SCORE_MAX + 1))
    height = 24 + len(rows) * row_height + 8
    return Chart(
        width=width,
        height=height,
        label_width=label_width,
        plot_width=plot_width,
        rows=tuple(rows),
        ticks=ticks,
    )


def strengths_and_weaknesses(framework, averages: dict[str, float]) -> tuple[list, list]:
    """Scores of 4+ that beat the catalogue average, and scores of 2 or less below it."""
    strengths, weaknesses = [], []
    for score in framework.scores.all():
        average = averages.get(score.criterion.slug, 0)
        if score.value >= 4 and score.value > average:
            strengths.append(score)
        elif score.value <= 2 and score.value < average:
            weaknesses.append(score)
    strengths.sort(
        key=lambda s: (-(s.value - averages.get(s.criterion.slug, 0)), s.criterion.order)
    )
    weaknesses.sort(key=lambda s: (s.value - averages.get(s.criterion.slug, 0), s.criterion.order))
    return strengths, weaknesses

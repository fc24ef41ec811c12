"""Side-by-side comparisons, built from plain data: no database access here.

Views load frameworks (with their scores) and criteria in a fixed number of
queries, turn them into ``Entry`` rows, and call these functions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from django.utils.html import escape
from django.utils.safestring import mark_safe

from frameworks.formatting import svg_ticks
from frameworks.scale import SCORE_MAX

MAX_COMPARED = 4


@dataclass(frozen=True, slots=True)
class Cell:
    value: int | None
    note: str = ""
    source_url: str = ""
    last_reviewed: object = None
    best: bool = False
    framework: object = None  # its column's framework, named in each cell on a phone


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
    tops: int  # criteria where it scores highest, alone or tied
    alone: int  # of those, criteria where no other framework matches it
    strongest: tuple[str, ...]  # categories it really leads (see ``category_leads``)


@dataclass(frozen=True, slots=True)
class Group:
    """Consecutive rows of one category, with each framework's subtotal over them."""

    category: str
    rows: tuple[Row, ...]
    subtotals: tuple[Subtotal, ...]  # one per framework, in column order
    maximum: int  # what a subtotal could be: SCORE_MAX per row


@dataclass(frozen=True, slots=True)
class Subtotal:
    framework: object
    value: int  # the sum of its scores in the category
    best: bool = False


# A category lead must be a real lead, not a rounding of one criterion: the
# framework's subtotal beats every other by at least this share of the
# category's maximum, and it scores highest (alone or tied) on most of its rows.
CATEGORY_LEAD_MARGIN = 0.1


@dataclass(frozen=True, slots=True)
class Comparison:
    frameworks: tuple
    rows: tuple[Row, ...]
    leaders: tuple[Leader, ...]
    ties: int  # criteria where two or more frameworks share the highest score

    def visible_rows(self, only_differences: bool) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.differs) if only_differences else self.rows

    def groups(self, only_differences: bool = False) -> tuple[Group, ...]:
        return group_rows(self.visible_rows(only_differences), self.frameworks)


def group_rows(rows: Sequence[Row], frameworks: Sequence) -> tuple[Group, ...]:
    """Consecutive rows of one category (criteria are ordered by category) in groups."""
    groups: list[Group] = []
    current: list[Row] = []

    def close() -> None:
        if current:
            sums = [sum(r.cells[i].value or 0 for r in current) for i in range(len(frameworks))]
            top = max(sums, default=0)
            marked = sums.count(top) < len(sums)
            groups.append(
                Group(
                    category=current[0].criterion.category,
                    rows=tuple(current),
                    subtotals=tuple(
                        Subtotal(framework=fw, value=v, best=marked and v == top)
                        for fw, v in zip(frameworks, sums, strict=True)
                    ),
                    maximum=SCORE_MAX * len(current),
                )
            )

    for row in rows:
        if current and row.criterion.category != current[0].criterion.category:
            close()
            current = []
        current.append(row)
    close()
    return tuple(groups)


def category_leads(groups: Sequence[Group], tops_by_row: dict[int, set[int]]) -> dict[int, list]:
    """framework index -> the categories it really leads (CATEGORY_LEAD_MARGIN)."""
    leads: dict[int, list[str]] = defaultdict(list)
    for group in groups:
        if len(group.subtotals) < 2:
            continue
        sums = [subtotal.value for subtotal in group.subtotals]
        ranked = sorted(range(len(sums)), key=lambda i: -sums[i])
        first, second = ranked[0], ranked[1]
        margin = sums[first] - sums[second]
        if margin < CATEGORY_LEAD_MARGIN * group.maximum or margin <= 0:
            continue
        on_top = sum(1 for row in group.rows if first in tops_by_row[id(row)])
        if on_top * 2 > len(group.rows):
            leads[first].append(group.category)
    return leads


def score_map(framework) -> dict[str, object]:
    """criterion slug -> Score, from a framework whose scores were prefetched."""
    return {s.criterion.slug: s for s in framework.scores.all()}


def compare(frameworks: Sequence, criteria: Iterable) -> Comparison:
    maps = [score_map(fw) for fw in frameworks]
    rows = []
    tops: dict[int, int] = defaultdict(int)
    alone: dict[int, int] = defaultdict(int)
    tops_by_row: dict[int, set[int]] = {}
    ties = 0
    for criterion in criteria:
        scores = [m.get(criterion.slug) for m in maps]
        values = [s.value if s else None for s in scores]
        known = [v for v in values if v is not None]
        top = max(known) if known else None
        winners = [i for i, v in enumerate(values) if v is not None and v == top]
        best_marked = len(winners) < len(frameworks)
        for i in winners:
            tops[i] += 1
        if len(winners) == 1:
            alone[winners[0]] += 1
        elif winners:
            ties += 1
        row = Row(
            criterion=criterion,
            cells=tuple(
                Cell(
                    value=v,
                    note=s.note if s else "",
                    source_url=s.source_url if s else "",
                    last_reviewed=s.last_reviewed if s else None,
                    best=best_marked and i in winners,
                    framework=frameworks[i],
                )
                for i, (v, s) in enumerate(zip(values, scores, strict=True))
            ),
        )
        tops_by_row[id(row)] = set(winners)
        rows.append(row)
    strongest = category_leads(group_rows(rows, frameworks), tops_by_row)
    leaders = tuple(
        sorted(
            (
                Leader(
                    framework=fw,
                    tops=tops[i],
                    alone=alone[i],
                    strongest=tuple(strongest[i]),
                )
                for i, fw in enumerate(frameworks)
            ),
            key=lambda leader: (-leader.tops, -leader.alone, leader.framework.name),
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

    @property
    def svg(self) -> str:
        """The bar as an SVG rect, formatted here: a chart has hundreds of bars, and
        the template engine's number localisation was a fifth of a comparison's render."""
        # Numbers only, so nothing to escape: format_html's escaping of each was
        # most of the cost of a 4-way comparison's 136 bars.
        return mark_safe(
            f'<rect class="series-{self.series:d}" x="{self.x:g}" y="{self.y:g}" '
            f'width="{self.width:g}" height="{self.height:g}" rx="2"/>'
        )


@dataclass(frozen=True, slots=True)
class ChartRow:
    label: str
    y: float
    bars: tuple[Bar, ...]
    label_x: float = 0


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    label_width: int
    plot_width: int
    rows: tuple[ChartRow, ...]
    ticks: tuple[tuple[float, int], ...]
    stacked: bool = False

    @property
    def body_svg(self) -> str:
        """The axis ticks, then every row's label and bars: a 4-way chart has 17 labels
        and 68 bars, each of which cost several template lookups; labels are escaped,
        the rest are numbers."""
        parts = svg_ticks(self.ticks, self.height)
        for row in self.rows:
            label = escape(row.label)
            if self.stacked:
                parts.append(
                    f'<text class="row-label" x="{row.label_x:g}" y="{row.y:g}">{label}</text>'
                )
            else:
                parts.append(
                    f'<text class="row-label" x="{self.label_width - 8:g}" y="{row.y:g}" '
                    f'text-anchor="end" dominant-baseline="middle">{label}</text>'
                )
            parts.extend(bar.svg for bar in row.bars)
        return mark_safe("\n".join(parts))


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
        bars = _bars(row, x=label_width, top=top, plot_width=plot_width, height=bar_height, gap=gap)
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


def stacked_chart(comparison: Comparison, *, width: int = 340) -> Chart:
    """The same chart for a phone: each label above its bars, the bars the full width.

    Squeezing the wide chart into 375 px would shrink its labels past reading and
    clip nothing only by scrolling; here the whole 0-5 axis fits the screen.
    """
    n = max(1, len(comparison.frameworks))
    bar_height = 8 if n > 2 else 10
    gap = 2
    label_height = 20
    row_height = label_height + n * (bar_height + gap) + 8
    inset = 4  # room for the last tick label, so "5" is never cut at the edge
    plot_width = width - 2 * inset
    rows = []
    for index, row in enumerate(comparison.rows):
        top = 24 + index * row_height
        bars = _bars(
            row, x=inset, top=top + label_height, plot_width=plot_width, height=bar_height, gap=gap
        )
        rows.append(ChartRow(label=row.criterion.name, y=top + 12, bars=bars, label_x=inset))
    ticks = tuple((inset + plot_width * v / SCORE_MAX, v) for v in range(SCORE_MAX + 1))
    height = 24 + len(rows) * row_height + 4
    return Chart(width, height, inset, plot_width, tuple(rows), ticks, stacked=True)


def _bars(row: Row, *, x: float, top: float, plot_width: float, height: int, gap: int) -> tuple:
    """One bar per framework for a row, stacked from ``top``, as long as its score."""
    return tuple(
        Bar(
            x=x,
            y=top + i * (height + gap),
            width=round(plot_width * (cell.value or 0) / SCORE_MAX, 1),
            height=height,
            value=cell.value or 0,
            series=i,
        )
        for i, cell in enumerate(row.cells)
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

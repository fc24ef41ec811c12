"""Side-by-side comparisons, built from plain data: no database access here.

Views load frameworks (with their scores) and criteria in a fixed number of
queries, turn them into ``Entry`` rows, and call these functions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
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
    all_groups: tuple[Group, ...] = ()  # every row's group, made once by ``compare``

    def visible_rows(self, only_differences: bool) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.differs) if only_differences else self.rows

    def groups(self, only_differences: bool = False) -> tuple[Group, ...]:
        if not only_differences and self.all_groups:
            return self.all_groups
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


def _column(framework, criteria: Sequence) -> tuple[tuple[int | None, Cell, Cell], ...]:
    """Per criterion: the framework's score, and its cell unmarked and marked best.

    Kept on the framework for these criteria: the site's frameworks and criteria
    are loaded once per content version (frameworks.snapshot), so every
    comparison a worker renders for that version takes a framework's 17 cells
    from here instead of building them again.
    """
    kept = getattr(framework, "_comparison_column", None)
    if kept is not None and kept[0] is criteria:
        return kept[1]
    scores = score_map(framework)
    column = []
    for criterion in criteria:
        s = scores.get(criterion.slug)
        if s is None:
            column.append(
                (
                    None,
                    Cell(None, "", "", None, False, framework),
                    Cell(None, "", "", None, True, framework),
                )
            )
        else:
            figures = (s.value, s.note, s.source_url, s.last_reviewed)
            column.append(
                (s.value, Cell(*figures, False, framework), Cell(*figures, True, framework))
            )
    column = tuple(column)
    framework._comparison_column = (criteria, column)
    return column


def compare(frameworks: Sequence, criteria: Sequence) -> Comparison:
    columns = [_column(fw, criteria) for fw in frameworks]
    rows = []
    tops: dict[int, int] = defaultdict(int)
    alone: dict[int, int] = defaultdict(int)
    tops_by_row: dict[int, set[int]] = {}
    ties = 0
    for index, criterion in enumerate(criteria):
        entries = [column[index] for column in columns]
        values = [entry[0] for entry in entries]
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
                entry[2] if best_marked and v is not None and v == top else entry[1]
                for v, entry in zip(values, entries, strict=True)
            ),
        )
        tops_by_row[id(row)] = set(winners)
        rows.append(row)
    groups = group_rows(rows, frameworks)
    strongest = category_leads(groups, tops_by_row)
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
    return Comparison(
        frameworks=tuple(frameworks),
        rows=tuple(rows),
        leaders=leaders,
        ties=ties,
        all_groups=groups,
    )


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
        """The bar as an SVG rect: numbers only, so nothing to escape."""
        return mark_safe(
            f'<rect class="series-{self.series:d}" x="{self.x:g}" y="{self.y:g}" '
            f'width="{self.width:g}" height="{self.height:g}" rx="2"/>'
        )


@dataclass(frozen=True, slots=True)
class Chart:
    """A grouped horizontal bar chart: a row per criterion, a bar per framework.

    Each framework's bars are drawn as one column, in its colour, from its
    scores alone: a column is the same in every comparison that puts the
    framework in that place, so it is drawn once per worker (``_column_svg``)
    and a new comparison only lays out columns already drawn.
    """

    width: int
    height: int
    label_width: int
    plot_width: int
    labels: tuple[str, ...]
    columns: tuple[tuple[int, ...], ...]  # per framework, its score on each row (0: none)
    ticks: tuple[tuple[float, int], ...]
    bar_x: float
    first_bar_y: float  # of the first row's first bar
    row_height: float
    bar_height: int
    gap: int
    label_x: float
    label_dy: float  # from a row's top to its label
    stacked: bool = False

    @property
    def body_svg(self) -> str:
        """The axis ticks, every row's label, then each framework's bars: labels
        escaped, the rest numbers."""
        parts = svg_ticks(self.ticks, self.height)
        parts.append(
            _labels_svg(
                self.labels,
                self.first_bar_y + self.label_dy,
                self.row_height,
                self.label_x,
                self.label_width,
                self.stacked,
            )
        )
        parts.extend(
            _column_svg(
                series,
                values,
                self.bar_x,
                self.first_bar_y + series * (self.bar_height + self.gap),
                self.row_height,
                self.bar_height,
                self.plot_width,
            )
            for series, values in enumerate(self.columns)
        )
        return mark_safe("\n".join(parts))


def _bar_width(plot_width: float, value: int) -> float:
    return round(plot_width * value / SCORE_MAX, 1)


@lru_cache(maxsize=4096)
def _column_svg(
    series: int,
    values: tuple[int, ...],
    x: float,
    first_y: float,
    row_height: float,
    height: int,
    plot_width: float,
) -> str:
    """One framework's bars, a row apart: a pure function of numbers, kept per worker."""
    return "\n".join(
        Bar(x, first_y + index * row_height, _bar_width(plot_width, v), height, v, series).svg
        for index, v in enumerate(values)
    )


@lru_cache(maxsize=64)
def _labels_svg(
    labels: tuple[str, ...],
    first_y: float,
    row_height: float,
    label_x: float,
    label_width: int,
    stacked: bool,
) -> str:
    if stacked:
        return "\n".join(
            f'<text class="row-label" x="{label_x:g}" y="{first_y + i * row_height:g}">'
            f"{escape(label)}</text>"
            for i, label in enumerate(labels)
        )
    return "\n".join(
        f'<text class="row-label" x="{label_width - 8:g}" y="{first_y + i * row_height:g}" '
        f'text-anchor="end" dominant-baseline="middle">{escape(label)}</text>'
        for i, label in enumerate(labels)
    )


def _columns(comparison: Comparison) -> tuple[tuple[int, ...], ...]:
    return tuple(
        tuple(row.cells[i].value or 0 for row in comparison.rows)
        for i in range(len(comparison.frameworks))
    )


BAR_GAP = 2  # between one framework's bar and the next in a row


def chart(comparison: Comparison, *, width: int = 640, label_width: int = 210) -> Chart:
    """Geometry of a grouped horizontal bar chart, drawn as SVG by the template."""
    n = max(1, len(comparison.frameworks))
    bar_height = 9 if n > 2 else 11
    return _grouped_chart(
        comparison,
        width=width,
        plot_x=label_width,
        plot_width=width - label_width - 16,
        bar_height=bar_height,
        row_height=n * (bar_height + BAR_GAP) + 10,
        first_bar_y=24,
        bottom=8,
        label_x=0,
        label_dy=(n * (bar_height + BAR_GAP)) / 2,
    )


def stacked_chart(comparison: Comparison, *, width: int = 340) -> Chart:
    """The same chart for a phone: each label above its bars, the bars the full width.

    Squeezing the wide chart into 375 px would shrink its labels past reading and
    clip nothing only by scrolling; here the whole 0-5 axis fits the screen.
    """
    n = max(1, len(comparison.frameworks))
    bar_height = 8 if n > 2 else 10
    label_height = 20
    inset = 4  # room for the last tick label, so "5" is never cut at the edge
    return _grouped_chart(
        comparison,
        width=width,
        plot_x=inset,
        plot_width=width - 2 * inset,
        bar_height=bar_height,
        row_height=label_height + n * (bar_height + BAR_GAP) + 8,
        first_bar_y=24 + label_height,
        bottom=4,
        label_x=inset,
        label_dy=12 - label_height,
        stacked=True,
    )


def _grouped_chart(
    comparison: Comparison,
    *,
    width: int,
    plot_x: float,
    plot_width: float,
    bar_height: int,
    row_height: float,
    first_bar_y: float,
    bottom: int,
    label_x: float,
    label_dy: float,
    stacked: bool = False,
) -> Chart:
    """What both charts share: a row per criterion under ticks at 0 to 5, the bars
    starting at ``plot_x``."""
    labels = tuple(row.criterion.name for row in comparison.rows)
    return Chart(
        width=width,
        height=24 + len(labels) * row_height + bottom,
        label_width=plot_x,
        plot_width=plot_width,
        labels=labels,
        columns=_columns(comparison),
        ticks=tuple((plot_x + plot_width * v / SCORE_MAX, v) for v in range(SCORE_MAX + 1)),
        bar_x=plot_x,
        first_bar_y=first_bar_y,
        row_height=row_height,
        bar_height=bar_height,
        gap=BAR_GAP,
        label_x=label_x,
        label_dy=label_dy,
        stacked=stacked,
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

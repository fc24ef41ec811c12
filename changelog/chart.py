"""A score's value over time as SVG geometry: computed here, drawn by a template."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from frameworks.models import SCORE_MAX, SCORE_MIN

WIDTH, HEIGHT = 320, 100
LEFT, RIGHT, TOP, BOTTOM = 24, 8, 8, 8


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int
    when: datetime.datetime


@dataclass(frozen=True)
class ValueChart:
    width: int
    height: int
    path: str  # a step line: a value holds until the next version
    points: tuple[Point, ...]
    ticks: tuple[tuple[float, int], ...]  # (y, value) for the axis labels
    plot_left: int
    plot_right: int


def _y(value: int) -> float:
    span = SCORE_MAX - SCORE_MIN
    return round(TOP + (SCORE_MAX - value) / span * (HEIGHT - TOP - BOTTOM), 1)


def value_chart(
    versions: Sequence[tuple[datetime.datetime, int]], now: datetime.datetime
) -> ValueChart | None:
    """Versions oldest first, as (when, value); None when there is nothing to draw."""
    if not versions:
        return None
    start = versions[0][0]
    span = max((now - start).total_seconds(), 1.0)
    plot_right = WIDTH - RIGHT
    width = plot_right - LEFT

    def x(when: datetime.datetime) -> float:
        offset = min(max((when - start).total_seconds(), 0.0), span)
        return round(LEFT + offset / span * width, 1)

    points = tuple(Point(x(when), _y(value), value, when) for when, value in versions)
    steps = [f"M{points[0].x},{points[0].y}"]
    for point in points[1:]:
        steps.append(f"H{point.x}V{point.y}")
    steps.append(f"H{plot_right}")
    ticks = tuple((_y(v), v) for v in range(SCORE_MIN, SCORE_MAX + 1))
    return ValueChart(WIDTH, HEIGHT, "".join(steps), points, ticks, LEFT, plot_right)

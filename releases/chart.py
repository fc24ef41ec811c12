"""Geometry of the releases-per-quarter bar chart, drawn as SVG by a template."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class QuarterBar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    label_x: float
    value_y: float
    show_label: bool  # the first quarter of each year is labelled with its year


@dataclass(frozen=True, slots=True)
class QuarterChart:
    width: int
    height: int
    baseline: int
    top_count: int
    bars: tuple[QuarterBar, ...]

    @property
    def description(self) -> str:
        return "; ".join(f"{b.label}: {b.count}" for b in self.bars)


def quarter_chart(
    quarters: Sequence[Sequence], *, width: int = 360, height: int = 150
) -> QuarterChart | None:
    """Bars scaled to the busiest quarter; None when there is nothing to draw."""
    rows = [(str(label), int(count)) for label, count in quarters]
    if not rows:
        return None
    top = max(1, *(count for _, count in rows))
    left, right, top_pad, bottom_pad = 8, 8, 18, 22
    plot_height = height - top_pad - bottom_pad
    slot = (width - left - right) / len(rows)
    bar_width = round(slot * 0.7, 1)
    baseline = height - bottom_pad
    bars = []
    for i, (label, count) in enumerate(rows):
        bar_height = round(plot_height * count / top, 1)
        x = round(left + i * slot + (slot - bar_width) / 2, 1)
        bars.append(
            QuarterBar(
                label=label,
                count=count,
                x=x,
                y=round(baseline - bar_height, 1),
                width=bar_width,
                height=bar_height,
                label_x=round(x + bar_width / 2, 1),
                value_y=round(baseline - bar_height - 4, 1),
                show_label=label.endswith("Q1") or i == 0,
            )
        )
    return QuarterChart(width, height, baseline, top, tuple(bars))

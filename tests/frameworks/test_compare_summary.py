"""The comparison's summary counts ties honestly and names only real category leads."""

import re
from dataclasses import dataclass

from frameworks import comparison


@dataclass
class _Criterion:
    slug: str
    name: str
    category: str


@dataclass
class _Score:
    criterion: _Criterion
    value: int
    note: str = ""
    source_url: str = ""
    last_reviewed: object = None


class _Scores:
    def __init__(self, scores):
        self._scores = scores

    def all(self):
        return self._scores


@dataclass
class _Framework:
    name: str
    scores: _Scores


def _table(values: dict[str, list[int]], categories: list[str]):
    criteria = [_Criterion(f"c{i}", f"C{i}", cat) for i, cat in enumerate(categories)]
    frameworks = [
        _Framework(name, _Scores([_Score(c, v) for c, v in zip(criteria, row, strict=True)]))
        for name, row in values.items()
    ]
    return comparison.compare(frameworks, criteria)


def _leader(table, name):
    return next(leader for leader in table.leaders if leader.framework.name == name)


def test_a_tie_for_first_counts_for_every_framework_in_it():
    table = _table({"A": [5, 5, 5, 2], "B": [5, 5, 5, 3]}, ["X", "X", "X", "Y"])
    a, b = _leader(table, "A"), _leader(table, "B")
    # Before: A "scores highest on 0" although it ties for first on three criteria.
    assert (a.tops, a.alone) == (3, 0)
    assert (b.tops, b.alone) == (4, 1)
    assert table.ties == 3


def test_a_category_lead_resting_on_one_criterion_of_many_is_not_strongest():
    # One criterion of three decides the category's average; the others tie.
    table = _table({"A": [4, 4, 5], "B": [4, 4, 4]}, ["P", "P", "P"])
    assert _leader(table, "A").strongest == ()


def test_a_clear_category_lead_is_named():
    table = _table({"A": [5, 5, 4], "B": [3, 3, 4]}, ["P", "P", "P"])
    assert _leader(table, "A").strongest == ("P",)
    assert _leader(table, "B").strongest == ()


def test_groups_follow_categories_with_subtotals_and_best_marks():
    table = _table({"A": [5, 1, 2], "B": [3, 1, 4]}, ["P", "P", "Q"])
    groups = table.groups()
    assert [g.category for g in groups] == ["P", "Q"]
    assert [s.value for s in groups[0].subtotals] == [6, 4]
    assert [s.best for s in groups[0].subtotals] == [True, False]
    assert groups[0].maximum == 10
    assert [s.best for s in groups[1].subtotals] == [False, True]


def test_the_phone_chart_reaches_five_inside_its_own_width():
    table = _table({"A": [5, 0], "B": [3, 2]}, ["P", "Q"])
    chart = comparison.stacked_chart(table)
    x_of_five = dict((v, x) for x, v in chart.ticks)[5]
    assert x_of_five < chart.width
    bars = re.findall(
        r'<rect class="series-\d+" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', chart.body_svg
    )
    assert len(bars) == 4  # two frameworks on two criteria, as drawn
    widest = max(float(x) + float(width) for x, width in bars)
    assert widest <= chart.width

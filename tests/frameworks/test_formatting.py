"""Figures built in Python read exactly as the template's floatformat shows them."""

from django.template.defaultfilters import floatformat
from hypothesis import example, given
from hypothesis import strategies as st

from frameworks.formatting import fixed


@given(
    value=st.one_of(
        # The range of the site's figures (scores, points, shares, req/s); far below
        # it floatformat gives up and prints the repr, which no page shows.
        st.floats(min_value=-1000, max_value=1000).filter(lambda x: x == 0 or abs(x) > 1e-6),
        # Values with few decimals, where halves (2.25, 0.15) hide.
        st.integers(min_value=-100_000, max_value=100_000).map(lambda n: n / 200),
    ),
    places=st.sampled_from([0, 1, 2]),
)
@example(value=2.25, places=1)
@example(value=0.15, places=1)
@example(value=-0.04, places=1)
@example(value=99.5, places=0)
def test_fixed_matches_floatformat(value, places):
    assert fixed(value, places) == floatformat(value, places)

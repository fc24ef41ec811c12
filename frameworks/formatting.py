"""Numbers formatted in Python exactly as the ``floatformat`` filter shows them.

For the figures drawn hundreds of times a page (chart bars, contribution
tables), where the template engine's filter and localisation cost more than
the rest of the page.
"""

from decimal import ROUND_HALF_UP, Decimal


def fixed(value: float, places: int) -> str:
    """``value|floatformat:places``: from the shortest repr, halves rounded up (2.25 is 2.3)."""
    return str(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
